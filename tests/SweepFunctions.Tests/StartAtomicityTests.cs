using System.Net;
using Grpc.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SweepDomain.Evaluation;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Launch;
using SweepFunctions.Storage;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>
/// Starting a sweep claims its folder and schedules its orchestration as one step in effect: a failed schedule leaves
/// nothing behind, and of two starts racing for one id exactly one starts a sweep.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartAtomicityTests(AzuriteAppFixture fixture)
{
    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task A_start_whose_scheduling_fails_answers_503_keeps_nothing_and_the_same_request_then_starts()
    {
        await fixture.RequireStorageAsync();
        string body = Requests.OneStage("start-retry").ToJsonString();
        var failing = new InterceptingDurableClient(App.Client) { BeforeSchedule = InterceptingDurableClient.FailWith(StatusCode.Unavailable) };

        var failed = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), failing);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(
            "Sweep 'start-retry' was not started, and nothing of this attempt is kept, so the same request can be sent again: " +
            "Status(StatusCode=\"Unavailable\", Detail=\"the task hub cannot be reached\")",
            failed.BodyJson().GetProperty("detail").GetString());
        Assert.Empty(await App.Store.ListAsync("start-retry/"));
        Assert.Null(await App.Client.GetInstanceAsync("start-retry"));

        var retried = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), App.Client);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await App.WaitForSweepAsync("start-retry")).RuntimeStatus);
    }

    [Fact]
    public async Task Two_concurrent_starts_with_one_id_start_one_sweep_and_the_other_gets_409()
    {
        await fixture.RequireStorageAsync();
        // Both requests look at the folder before either writes: the check alone cannot tell them apart.
        var store = new RendezvousStore(App.Store, "start-race/", parties: 2);
        var start = StartSweepOver(store);
        string body = Requests.OneStage("start-race").ToJsonString();

        var responses = await Task.WhenAll(
            Task.Run(() => start.RunAsync(TestHttpRequest.Post("sweeps", body), App.Client)),
            Task.Run(() => start.RunAsync(TestHttpRequest.Post("sweeps", body), App.Client)));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var conflict = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(
            "Another request started sweep 'start-race' at the same moment, or its folder 'start-race/' holds an earlier sweep's request; choose another instanceId.",
            conflict.BodyJson().GetProperty("detail").GetString());
        await App.WaitForSweepAsync("start-race");
        int instances = 0;
        await foreach (var _ in App.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "start-race" }))
        {
            instances++;
        }

        Assert.Equal(1, instances);
    }

    [Fact]
    public async Task A_start_while_another_holds_the_claim_and_has_not_scheduled_yet_gets_409()
    {
        await fixture.RequireStorageAsync();
        var scheduling = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var slow = new InterceptingDurableClient(App.Client) { BeforeSchedule = async _ => { scheduling.TrySetResult(); await release.Task; } };
        string body = Requests.OneStage("start-slow").ToJsonString();

        var first = Task.Run(() => App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), slow));
        await scheduling.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), App.Client);
        release.SetResult();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await first).StatusCode);
        await App.WaitForSweepAsync("start-slow");
    }

    [Fact]
    public async Task A_folder_holding_only_an_old_request_and_no_orchestration_is_taken_over_by_the_next_start()
    {
        await fixture.RequireStorageAsync();
        await App.Store.WriteTextAsync("start-orphan/request.json", "{}");   // a start that stopped between its two steps
        string body = Requests.OneStage("start-orphan").ToJsonString();

        var young = await StartSweepOver(App.Store).RunAsync(TestHttpRequest.Post("sweeps", body), App.Client);
        var old = await StartSweepOver(App.Store, abandonedAfter: TimeSpan.Zero).RunAsync(TestHttpRequest.Post("sweeps", body), App.Client);

        Assert.Equal(HttpStatusCode.Conflict, young.StatusCode);   // a minute has not passed: it may be a start under way
        Assert.Equal(HttpStatusCode.Accepted, old.StatusCode);
        await App.WaitForSweepAsync("start-orphan");
        Assert.Contains("\"instanceId\": \"start-orphan\"", await App.Store.ReadTextAsync("start-orphan/request.json"));
    }

    private StartSweep StartSweepOver(IResultStore store, TimeSpan? abandonedAfter = null)
    {
        var options = App.Services.GetRequiredService<IOptions<SweepAppOptions>>();
        var launcher = new SweepLauncher(store, App.Services.GetRequiredService<IScenarioCatalog>(), options, App.Clock, NullLogger<SweepLauncher>.Instance)
        {
            AbandonedAfter = abandonedAfter ?? TimeSpan.FromMinutes(1),
        };
        return new StartSweep(launcher, store, options);
    }
}
