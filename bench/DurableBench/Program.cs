using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SweepDomain.Requests;
using SweepDomain;
using SweepDomain.Evaluation;
using SweepDomain.Sweep;
using SweepFunctions;
using SweepFunctions.Activities;
using SweepFunctions.Orchestration;

// One sweep request (JSON, the POST /api/sweeps body) run by the durable orchestrator and the real activities with the
// built-in model, on the Durable Task SDK's in-process engine and a blob container of its own on Azurite (or the
// account in SWEEP_BENCH_STORAGE), as the Function App runs it; prints its wall time and its activity calls. Meant to be
// timed as a whole process against `sweep run` with the same sweep.
//   dotnet run -c Release --project bench/DurableBench -- '{"scenario": "baseline", "stages": ["A:beta=0.5,1.0"], "periods": 200}' [--warm]
// With --warm the sweep runs twice and the second run, on a warm process as a Function App's host is, is the one to read.
bool warm = args.Contains("--warm") || Environment.GetEnvironmentVariable("SWEEP_BENCH_WARM") == "1";
args = args.Where(a => a != "--warm").ToArray();
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: DurableBench '<sweep request JSON>' [--warm]");
    return 2;
}

string storage = Environment.GetEnvironmentVariable("SWEEP_BENCH_STORAGE") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true";
string container = "durablebench-" + Guid.NewGuid().ToString("N")[..12];
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["SweepResults:ConnectionString"] = storage,
    ["SweepResults:Container"] = container,
    ["Sweep:EvaluationBatchSize"] = Environment.GetEnvironmentVariable("SWEEP_BENCH_BATCH") ?? "50",
}).Build();
await using var services = new ServiceCollection().AddLogging().AddSweepApp(configuration).BuildServiceProvider();

var errors = new ValidationErrors();
var plan = SweepRequestValidator.Validate(SweepRequestJson.Parse(args[0], errors)!, services.GetRequiredService<IScenarioCatalog>(), errors);
if (plan is null || !errors.IsEmpty)
{
    Console.Error.WriteLine(errors.ToString());
    return 2;
}

int batches = 0;
T Create<T>() => ActivatorUtilities.CreateInstance<T>(services);
await using var durable = await DurableTaskTestHost.StartAsync(registry =>
{
    registry.AddOrchestratorFunc<SweepInput, SweepOutput?>(nameof(SweepOrchestrator), (context, input) => SweepOrchestrator.RunAsync(context, input!));
    registry.AddActivityFunc<EvaluateBatchInput, EvaluatedBatch>(nameof(EvaluateBatch), (_, input) =>
    {
        Interlocked.Increment(ref batches);
        return Create<EvaluateBatch>().RunAsync(input!, CancellationToken.None);
    });
    registry.AddActivityFunc<EvaluateBatchInput, EvaluatedBatch>(nameof(CrossEvaluate), (_, input) => Create<CrossEvaluate>().RunAsync(input!, CancellationToken.None));
    registry.AddActivityFunc<StageRun, SweepFunctions.Scores.ScoreSheet>(nameof(RecallScores), (_, input) => Create<RecallScores>().RunAsync(input!, CancellationToken.None));
    registry.AddActivityFunc<WriteStageResultInput, WriteStageResultOutput>(nameof(WriteStageResult), (_, input) => Create<WriteStageResult>().RunAsync(input!, CancellationToken.None));
    registry.AddActivityFunc<WriteSweepResultInput, WriteSweepResultOutput>(nameof(WriteSweepResult), (_, input) => Create<WriteSweepResult>().RunAsync(input!, CancellationToken.None));
});

await new BlobContainerClient(storage, container).CreateIfNotExistsAsync();
try
{
    // With --warm the sweep runs twice in this process and the second run is the one timed: a Function App's host is
    // long-lived, so its code is compiled once, not for every sweep.
    OrchestrationMetadata? state = null;
    foreach (string id in warm ? new[] { "warm-up", "bench" } : ["bench"])
    {
        batches = 0;
        var clock = Stopwatch.StartNew();
        var input = new SweepInput(id, plan, int.Parse(configuration["Sweep:EvaluationBatchSize"]!), SweepEngineVersion.Current);
        await durable.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), input, new StartOrchestrationOptions(id));
        state = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        var output = state.ReadOutputAs<SweepOutput>();
        Console.WriteLine($"{id}: {state.RuntimeStatus} in {clock.Elapsed.TotalSeconds:F1} s: {output?.EvaluationsExecuted} evaluations in {batches} evaluation batches; final {output?.Final}");
    }

    return state!.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
}
finally
{
    await new BlobContainerClient(storage, container).DeleteIfExistsAsync();
}
