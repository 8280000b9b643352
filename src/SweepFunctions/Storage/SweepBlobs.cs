using SweepDomain.Results;

namespace SweepFunctions.Storage;

/// <summary>
/// Blob names the service adds to <see cref="ResultNames"/>: each stage's full candidate figures, and the schedule
/// files. Schedules share the results container, so the sweep id <see cref="SchedulesFolder"/> is reserved.
/// </summary>
public static class SweepBlobs
{
    public const string SchedulesFolder = "schedules";

    /// <summary>A finished stage with every candidate's seed scores (the report is built from these).</summary>
    public static string OutcomeBlob(string sweepId, int index, string label) => $"{sweepId}/outcomes/{index + 1:00}-{label}.json";

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
