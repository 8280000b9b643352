using SweepDomain.Results;

namespace SweepFunctions.Storage;

/// <summary>
/// Every blob name of the results container, in one place: a sweep's folder <c>{id}/</c> (its request, stages,
/// outcomes, scores, final winner, report and cancel marker) and the schedule files. Schedules share the container, so
/// the sweep id <see cref="SchedulesFolder"/> is reserved. The CLI's file names are <see cref="ResultNames"/>.
/// </summary>
public static class SweepBlobs
{
    public const string SchedulesFolder = "schedules";

    /// <summary>The folder of a sweep: every blob of the sweep starts with it.</summary>
    public static string SweepPrefix(string sweepId) => sweepId + "/";

    /// <summary>
    /// The folders of a sweep's result files: the sweep's own (request, final winner, report) and its stages and
    /// outcomes, one file per stage each. Its score batches, one per activity call, are in none of them.
    /// </summary>
    public static IReadOnlyList<string> ResultFolders(string sweepId) => [SweepPrefix(sweepId), $"{sweepId}/stages/", $"{sweepId}/outcomes/"];

    /// <summary>The request as accepted.</summary>
    public static string RequestBlob(string sweepId) => $"{sweepId}/request.json";

    /// <summary>Stage <paramref name="index"/>'s winner (0-based), stability format, numbered from 01 so blobs list in stage order.</summary>
    public static string StageBlob(string sweepId, int index, string label) => $"{sweepId}/stages/{index + 1:00}-{label}.json";

    /// <summary>A finished stage with every candidate's seed scores (the report is built from these).</summary>
    public static string OutcomeBlob(string sweepId, int index, string label) => $"{sweepId}/outcomes/{index + 1:00}-{label}.json";

    /// <summary>The final winner in stability format; usable as the base of the next sweep.</summary>
    public static string FinalBlob(string sweepId, string scenario) => $"{sweepId}/{ResultNames.FinalFile(scenario)}";

    public static string ReportBlob(string sweepId) => $"{sweepId}/report.json";

    /// <summary>Written by the cancel route; evaluation batches stop once it is there (<see cref="CancellationMarker"/>).</summary>
    public static string CancelBlob(string sweepId) => $"{sweepId}/cancel-requested.json";

    /// <summary>Batch <paramref name="batch"/> of call <paramref name="call"/> of stage <paramref name="stage"/>'s scores (0-based stage).</summary>
    public static string ScoreBatchBlob(string sweepId, int stage, int call, int batch) => $"{ScoreBatchPrefix(sweepId, stage)}{call:0000}-{batch:0000}.json";

    /// <summary>The folder of stage <paramref name="stage"/>'s score batches (0-based stage).</summary>
    public static string ScoreBatchPrefix(string sweepId, int stage) => $"{sweepId}/scores/{stage + 1:00}/";

    /// <summary>Stage <paramref name="stage"/>'s scores gathered into one file (0-based stage).</summary>
    public static string ScoreStageBlob(string sweepId, int stage) => $"{sweepId}/scores/{stage + 1:00}.json";

    public static string SchedulesPrefix => SchedulesFolder + "/";

    public static string ScheduleBlob(string name) => $"{SchedulesPrefix}{name}.json";

    /// <summary>Points at the newest finished sweep of a schedule: <c>{instanceId, finalBlob}</c>.</summary>
    public static string LatestBlob(string name) => $"{SchedulesPrefix}{name}.latest.json";

    /// <summary>The schedule name of a definition blob, or null for any other blob under the folder.</summary>
    public static string? ScheduleNameOf(string blobName)
    {
        if (!blobName.StartsWith(SchedulesPrefix, StringComparison.Ordinal) || !blobName.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        string name = blobName[SchedulesPrefix.Length..^".json".Length];
        return name.Length == 0 || name.Contains('/') || name.EndsWith(".latest", StringComparison.Ordinal) ? null : name;
    }
}
