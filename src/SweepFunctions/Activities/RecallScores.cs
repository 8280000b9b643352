using Microsoft.Azure.Functions.Worker;
using SweepDomain.Parameters;
using SweepDomain.Sweep;
using SweepFunctions.Scores;
using SweepFunctions.Storage;

namespace SweepFunctions.Activities;

/// <summary>
/// Hands a stage the scores earlier stages already have for its candidates (<see cref="StageRecall"/>), read from
/// their gathered score blobs, so the stage evaluates and counts exactly what one memo across the whole sweep would.
/// </summary>
public sealed class RecallScores(IResultStore store)
{
    [Function(nameof(RecallScores))]
    public async Task<ScoreSheet> RunAsync([ActivityTrigger] StageRun input, CancellationToken cancellationToken) =>
        ScoreSheet.From(await RelevantAsync(new ScoreArchive(store), input, cancellationToken), input.Plan.Periods);

    /// <summary>The earlier scores stage <see cref="StageRun.Stage"/> can reuse.</summary>
    public static async Task<IReadOnlyList<ScoredRequest>> RelevantAsync(ScoreArchive archive, StageRun input, CancellationToken cancellationToken = default) =>
        input.Stage == 0
            ? []
            : StageRecall.Relevant(input.Plan, input.Stage, input.Incumbent, await archive.EarlierAsync(input.SweepId, input.Stage, cancellationToken));
}

/// <summary>
/// One run of stage <see cref="Stage"/> (0-based) of a sweep from <see cref="Incumbent"/>: what the stage activities
/// are handed. Not the client's <see cref="SweepDomain.Requests.StageInput"/>, which is a stage as written in a request.
/// </summary>
public sealed record StageRun(string SweepId, SweepPlan Plan, int Stage, ParamSet Incumbent);
