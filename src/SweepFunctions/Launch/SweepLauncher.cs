using Azure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepDomain;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Selection;
using SweepDomain.Sweep;
using SweepFunctions.Configuration;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;

namespace SweepFunctions.Launch;

/// <summary>
/// Starts sweeps for the HTTP API and the scheduler alike: resolve the base, validate with the same rules as the CLI,
/// and only then write <c>{id}/request.json</c> and schedule the orchestration.
/// </summary>
public sealed class SweepLauncher(IResultStore store, IScenarioCatalog catalog, IOptions<SweepAppOptions> options, ILogger<SweepLauncher> logger)
{
    /// <summary>The plan, or null with every problem in <paramref name="errors"/>. Nothing is written or started.</summary>
    public async Task<SweepPlan?> PrepareAsync(SweepRequest request, ValidationErrors errors, CancellationToken cancellationToken = default)
    {
        if (request.BasePath is { } path)
        {
            request = request with { Base = await LoadBaseAsync(path, errors, cancellationToken), BasePath = null };
        }

        if (string.Equals(request.InstanceId, SweepBlobs.SchedulesFolder, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("instanceId", $"'{request.InstanceId}' is reserved: schedule definitions live in that folder.");
        }

        var plan = SweepRequestValidator.Validate(request, catalog, errors, options.Value.ToLimits());
        return errors.IsEmpty ? plan : null;
    }

    /// <summary>
    /// Writes the accepted request, then schedules the orchestration under <paramref name="sweepId"/>.
    /// <paramref name="request"/> is the request as it came, before <see cref="PrepareAsync"/> resolved its base: it
    /// says where the base came from, which the report records.
    /// </summary>
    public async Task StartAsync(
        DurableTaskClient client, string sweepId, SweepPlan plan, SweepRequest request, string? scheduleName = null, CancellationToken cancellationToken = default)
    {
        await store.WriteTextAsync(ResultNames.RequestBlob(sweepId), SweepRequestJson.ToJson(AcceptedRequest(plan, sweepId)), cancellationToken);
        var input = new SweepInput(sweepId, plan, options.Value.EvaluationBatchSize, SweepEngineVersion.Current, scheduleName, BaseSource.Of(request, BaseSource.BlobKind));
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), input, new StartOrchestrationOptions(sweepId), cancellationToken);
        logger.LogInformation(
            "Sweep {SweepId} scheduled: {Stages} stages of {Scenario}, at most {Planned} evaluations{Schedule}",
            sweepId, plan.Stages.Count, plan.Scenario, SweepCost.Sweep(plan), scheduleName is null ? "" : $", for schedule {scheduleName}");
    }

    /// <summary>
    /// The request as accepted (<c>{id}/request.json</c>): every setting at its effective value, the base resolved to
    /// parameters and the stages in text form. It is itself a valid request body, so a sweep can be repeated exactly.
    /// </summary>
    public static SweepRequest AcceptedRequest(SweepPlan plan, string sweepId) => new()
    {
        Scenario = plan.Scenario,
        Stages = plan.Stages.Select(s => new StageInput(s.Source)).ToList(),
        Base = plan.Base,
        CrossScenario = plan.CrossScenario,
        Periods = plan.Periods,
        StabilityTiers = StabilityTier.Format(plan.Tiers),
        RankBy = plan.RankBy.ToText(),
        KFactor = plan.KFactor,
        CrossSeeds = plan.CrossSeeds,
        InstanceId = sweepId,
        CarryForward = plan.CarryForward.ToText(),
        Alpha = plan.Alpha,
        Racing = plan.Racing,
        RaceBlock = plan.Racing ? plan.RaceBlock : null,
        Equivalence = plan.Equivalence,
    };

    private async Task<ParamSet?> LoadBaseAsync(string path, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add("base", "A base given as a string must name a blob in the results container, e.g. \"<sweep id>/quadratic_sweep.json\".");
            return null;
        }

        string? text;
        try
        {
            text = await store.ReadTextAsync(path, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is >= 400 and < 500)
        {
            errors.Add("base", $"Base config '{path}' cannot be read from the results container: {e.ErrorCode ?? e.Status.ToString()}.");
            return null;
        }

        if (text is null)
        {
            errors.Add("base", $"Base config '{path}' was not found in the results container.");
            return null;
        }

        return BaseConfig.Load(path, text, errors);
    }
}
