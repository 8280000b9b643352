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
using SweepFunctions.Evaluation;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;
using SweepHosting.Evaluation.Protocol;

namespace SweepFunctions.Launch;

/// <summary>
/// Starts sweeps for the HTTP API and the scheduler alike: resolve the base, validate with the same rules as the CLI,
/// and only then claim the folder with <c>{id}/request.json</c> and schedule the orchestration.
/// </summary>
public sealed class SweepLauncher(
    IResultStore store, IScenarioCatalog catalog, IOptions<SweepAppOptions> options, TimeProvider clock, ILogger<SweepLauncher> logger, NamedEvaluators? evaluators = null)
{
    /// <summary>
    /// The plan, or null with every problem in <paramref name="errors"/>. Nothing is written or started. A request that
    /// names an evaluator is validated against that evaluator's own description (its scenarios and parameters). A base
    /// blob written for another scenario adds its advice to <paramref name="warnings"/> when given.
    /// </summary>
    public async Task<SweepPlan?> PrepareAsync(SweepRequest request, ValidationErrors errors, CancellationToken cancellationToken = default, List<string>? warnings = null)
    {
        string? baseScenario = null;
        string? basePath = request.BasePath;
        if (basePath is not null)
        {
            var (loaded, scenario) = await LoadBaseAsync(basePath, errors, cancellationToken);
            (request, baseScenario) = (request with { Base = loaded, BasePath = null }, scenario);
        }

        if (string.Equals(request.InstanceId, SweepBlobs.SchedulesFolder, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("instanceId", $"'{request.InstanceId}' is reserved: schedule definitions live in that folder.");
        }

        var models = catalog;
        if (request.Evaluator is { } name)
        {
            if (await DescribedAsync(name, errors, cancellationToken) is not { } evaluator)
            {
                return null;
            }

            models = evaluator.Catalog;
        }

        var plan = SweepRequestValidator.Validate(request, models, errors, options.Value.ToLimits());
        if (plan is not null && basePath is not null && SweepWarnings.ForeignBase(basePath, baseScenario, plan.Scenario) is { } foreign)
        {
            warnings?.Add(foreign);
        }

        return errors.IsEmpty ? plan : null;
    }

    /// <summary>
    /// The configured evaluator <paramref name="name"/>, described, or null with the problem in <paramref name="errors"/>:
    /// an address instead of a name, a name the operator did not configure (with the closest one), or an endpoint that
    /// does not answer <c>describe</c>.
    /// </summary>
    private async Task<HttpEvaluator?> DescribedAsync(string name, ValidationErrors errors, CancellationToken cancellationToken)
    {
        const string field = SweepRequestJson.Fields.Evaluator;
        if (name.Contains("://", StringComparison.Ordinal) || name.Contains('/'))
        {
            errors.Add(field, $"'{name}' is an address; a request names an evaluator the app's operator configured (Sweep__Evaluators__<name>__Url), never a URL of its own.");
            return null;
        }

        if (evaluators is null || !evaluators.IsConfigured(name))
        {
            string configured = evaluators is { Names.Count: > 0 } ? $"configured: {string.Join(", ", evaluators.Names.Order(StringComparer.Ordinal))}" : "none is configured";
            string hint = evaluators?.Suggest(name) is { } close ? $" Did you mean '{close}'?" : "";
            errors.Add(field, $"Unknown evaluator '{name}' ({configured}).{hint}");
            return null;
        }

        try
        {
            return await evaluators.GetAsync(name, cancellationToken);
        }
        catch (Exception e) when (e is EvaluatorStartException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            errors.Add(field, $"Evaluator '{name}' did not describe itself: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// A folder that holds nothing but a <c>request.json</c> at least this old, with no orchestration, is what a start
    /// that failed between its two steps left behind (a crash, say): a start under that id takes it over.
    /// </summary>
    public TimeSpan AbandonedAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Claims the sweep's folder by creating <c>{id}/request.json</c> with a conditional write, then schedules the
    /// orchestration under <paramref name="sweepId"/>. Of two starts racing for one id exactly one claims the folder;
    /// the other gets <see cref="StartResult.Taken"/> and starts nothing. When scheduling fails the claim is removed
    /// again, so a retry can start the sweep; a claim a crash left behind is taken over after
    /// <see cref="AbandonedAfter"/>. <paramref name="request"/> is the request as it came, before
    /// <see cref="PrepareAsync"/> resolved its base: it says where the base came from, which the report records.
    /// </summary>
    public async Task<StartResult> StartAsync(
        DurableTaskClient client, string sweepId, SweepPlan plan, SweepRequest request, string? scheduleName = null, CancellationToken cancellationToken = default)
    {
        string requestBlob = SweepBlobs.RequestBlob(sweepId);
        var evaluator = request.Evaluator is { } name && evaluators is not null ? NamedEvaluators.IdentityOf(name, await evaluators.GetAsync(name, cancellationToken)) : null;
        string accepted = SweepRequestJson.ToJson(AcceptedRequest(plan, sweepId) with { Evaluator = evaluator?.Name });
        if (!await store.CreateTextAsync(requestBlob, accepted, cancellationToken))
        {
            if (await AbandonedClaimAgeAsync(client, sweepId, cancellationToken) is not { } age)
            {
                return StartResult.Taken;
            }

            logger.LogWarning("Sweep {SweepId}: its folder holds only a request.json written {Age:F0} s ago and no orchestration; an earlier start stopped half-way, so this start takes it over",
                sweepId, age.TotalSeconds);
            await store.DeleteAsync(requestBlob, cancellationToken);
            if (!await store.CreateTextAsync(requestBlob, accepted, cancellationToken))
            {
                return StartResult.Taken;
            }
        }

        var input = new SweepInput(sweepId, plan, options.Value.EvaluationBatchSize, SweepEngineVersion.Current, scheduleName, BaseSource.Of(request, BaseSource.BlobKind),
            StartedAt: clock.GetUtcNow(), Evaluator: evaluator);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), input, new StartOrchestrationOptions(sweepId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(sweepId, CancellationToken.None) is null)
            {
                await store.DeleteAsync(requestBlob, CancellationToken.None);
                throw new SweepNotScheduledException(sweepId, e);
            }

            logger.LogWarning("Sweep {SweepId}: scheduling reported {Error}, but the orchestration exists; it is started", sweepId, e.Message);
        }

        logger.LogInformation(
            "Sweep {SweepId} scheduled: {Stages} stages of {Scenario}, at most {Planned} evaluations{Schedule}",
            sweepId, plan.Stages.Count, plan.Scenario, SweepCost.Sweep(plan), scheduleName is null ? "" : $", for schedule {scheduleName}");
        return StartResult.Started;
    }

    /// <summary>The age of an abandoned claim on the folder (see <see cref="AbandonedAfter"/>), or null when the folder is a sweep's.</summary>
    private async Task<TimeSpan?> AbandonedClaimAgeAsync(DurableTaskClient client, string sweepId, CancellationToken cancellationToken)
    {
        string requestBlob = SweepBlobs.RequestBlob(sweepId);
        return await store.ListAsync(sweepId + "/", cancellationToken) is [var only] && only == requestBlob
            && await store.AgeAsync(requestBlob, cancellationToken) is { } age && age >= AbandonedAfter
            && await client.GetInstanceAsync(sweepId, cancellationToken) is null
                ? age
                : null;
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

    private async Task<(ParamSet? Base, string? Scenario)> LoadBaseAsync(string path, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add("base", "A base given as a string must name a blob in the results container, e.g. \"<sweep id>/quadratic_sweep.json\".");
            return (null, null);
        }

        if (BaseBlobName.FolderOf(path) is not { } folder)
        {
            errors.Add("base", BaseBlobName.Explain(path));
            return (null, null);
        }

        string? text;
        try
        {
            text = await store.ReadTextAsync(path, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is >= 400 and < 500)
        {
            errors.Add("base", $"Base config '{path}' cannot be read from the results container: {e.ErrorCode ?? e.Status.ToString()}.");
            return (null, null);
        }

        if (text is null)
        {
            errors.Add("base", $"Base config '{path}' was not found in the results container.");
            return (null, null);
        }

        if (!BaseBlobName.IsScheduleFolder(folder) && await store.ReadTextAsync(SweepBlobs.RequestBlob(folder), cancellationToken) is null)
        {
            errors.Add("base", $"Base config '{path}' is not in a sweep's folder: '{folder}/' holds no request.json, so no sweep of this app wrote it.");
            return (null, null);
        }

        return (BaseConfig.Load(path, text, errors), BaseConfig.ScenarioOf(path, text));
    }
}

/// <summary>What <see cref="SweepLauncher.StartAsync"/> did.</summary>
public enum StartResult
{
    /// <summary>The folder was claimed and the orchestration scheduled.</summary>
    Started,

    /// <summary>The folder belongs to another start or sweep under that id; nothing was written or started.</summary>
    Taken,
}

/// <summary>Scheduling the orchestration failed; the folder's claim was removed again, so nothing is left of the attempt.</summary>
public sealed class SweepNotScheduledException(string sweepId, Exception inner)
    : Exception($"Sweep '{sweepId}' could not be scheduled: {inner.Message}", inner)
{
    public string SweepId { get; } = sweepId;
}
