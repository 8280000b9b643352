using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Maintenance;
using SweepFunctions.Tests.Support;
using Xunit.Abstractions;

namespace SweepFunctions.Tests;

/// <summary>
/// A sweep's start is the moment its request was accepted, through every stage: each stage continues the
/// orchestration as new, which moves the instance's own creation time to the stage's start.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepStartTimeTests(AzuriteAppFixture fixture, ITestOutputHelper output)
{
    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task A_three_stage_sweep_keeps_its_start_in_status_list_filters_and_purge_age()
    {
        await fixture.RequireStorageAsync();
        var accepted = DateTimeOffset.UtcNow;
        App.Clock.Now = accepted;
        try
        {
            await RunAsync(accepted);
        }
        finally
        {
            App.Clock.FollowRealTime();
        }
    }

    private async Task RunAsync(DateTimeOffset accepted)
    {
        string body = """{"scenario": "quadratic", "stages": ["A:x=0.1,0.3", "B:n=2,4", "C:mode=plain,fancy"], "periods": 10, "stabilityTiers": "2:2", "instanceId": "three-stages"}""";

        Assert.Equal(HttpStatusCode.Accepted, (await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), App.Client)).StatusCode);
        var done = await App.WaitForSweepAsync("three-stages");
        var status = (await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/three-stages"), App.Client, "three-stages")).BodyJson();

        var createdAt = status.GetProperty("createdAt").GetDateTimeOffset();
        var lastUpdatedAt = status.GetProperty("lastUpdatedAt").GetDateTimeOffset();
        output.WriteLine($"accepted {accepted:O}; createdAt {createdAt:O}; lastUpdatedAt {lastUpdatedAt:O}; elapsed {(lastUpdatedAt - createdAt).TotalSeconds:F2} s; " +
            $"the third stage's execution was created {done.CreatedAt:O}, {(done.CreatedAt - accepted).TotalSeconds:F2} s after acceptance");
        Assert.Equal(3, status.GetProperty("stages").GetArrayLength());
        Assert.True(done.CreatedAt > accepted, "the last stage's execution is created after the sweep started");
        Assert.Equal(accepted, createdAt);

        var listed = await SweepListing.ListAsync(App.Client, new SweepListQuery(null, SweepListing.MaxPageSize, CreatedFrom: accepted, CreatedTo: accepted), NullLogger.Instance);
        Assert.Equal(accepted, Assert.Single(listed!.Sweeps, s => s.Id == "three-stages").CreatedAt);
        var later = await SweepListing.ListAsync(App.Client, new SweepListQuery(null, SweepListing.MaxPageSize, CreatedFrom: accepted.AddTicks(1)), NullLogger.Instance);
        Assert.DoesNotContain(later!.Sweeps, s => s.Id == "three-stages");

        // 30 days after the sweep's start, but not yet 30 days after its last stage began: it is due for the purge.
        var purgeTime = accepted.AddDays(30) + (done.CreatedAt - accepted) / 2;
        var purge = new PurgeSweepHistories(Options.Create(new SweepAppOptions { PurgeAfterDays = 30 }), new ManualClock(purgeTime), NullLogger<PurgeSweepHistories>.Instance);
        Assert.True(await purge.PurgeAsync(App.Client) >= 1);
        Assert.Null(await App.Client.GetInstanceAsync("three-stages"));
    }
}
