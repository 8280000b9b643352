using System.Globalization;
using System.Net;
using System.Text.Json;
using BamScenarios;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Launch;
using SweepFunctions.Storage;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>
/// Every request that once got through and started work it should not have: each now gets a 4xx with problem details,
/// and nothing is stored and nothing is started.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestLimitTests(AzuriteAppFixture fixture)
{
    private SweepAppHost App => fixture.App;

    public static TheoryData<string, string, HttpStatusCode, string, string> Requests()
    {
        string values(int count, int decimals) => string.Join(',', Enumerable.Range(0, count).Select(i => (i / Math.Pow(10, decimals)).ToString("F" + decimals, CultureInfo.InvariantCulture)));
        return new TheoryData<string, string, HttpStatusCode, string, string>
        {
            {
                "tiers of a million seeds", """{"scenario": "quadratic", "stages": ["A:x=0.1,0.2"], "stabilityTiers": "1000000:1000000"}""",
                HttpStatusCode.BadRequest, "stabilityTiers",
                "Tier '1000000:1000000' gives each candidate this many seeds: 1,000,000, over the limit MaxSeedsPerTier = 1,000. Ask for less, or raise it with the app setting Sweep__Limits__MaxSeedsPerTier."
            },
            {
                "a million candidates", $$"""{"scenario": "quadratic", "stages": ["A:x={{values(100_000, 5)}} n=1,2,3,4,5,6,7,8,9,10"]}""",
                HttpStatusCode.BadRequest, "stages[0]",
                "Stage 'A' has this many grid combinations: 1,000,000, over the limit MaxCandidatesPerStage = 5,000. Ask for less, or raise it with the app setting Sweep__Limits__MaxCandidatesPerStage."
            },
            {
                "a 10 MB stage label", $$"""{"scenario": "quadratic", "stages": ["{{new string('L', 10_000_000)}}:x=0.1"]}""",
                HttpStatusCode.RequestEntityTooLarge, "detail",
                "The body has 10,000,047 bytes; a sweep request may have at most 1,048,576 bytes (the app setting Sweep__MaxRequestBytes). Large grids belong in several stages, and a base can be named as a blob."
            },
            {
                "a 200-character label in a small body", $$"""{"scenario": "quadratic", "stages": ["{{new string('L', 200)}}:x=0.1"]}""",
                HttpStatusCode.BadRequest, "stages[0]",
                $"Label '{new string('L', 120)}... (200 characters)' has this many characters: 200, over the limit MaxLabelLength = 64. Ask for less, or raise it with the app setting Sweep__Limits__MaxLabelLength."
            },
            {
                "a grid of 600,001 values in a 6 MB body", $$$"""{"scenario": "quadratic", "stages": [{"label": "A", "grid": {"x": [{{{values(600_001, 7)}}}]}}]}""",
                HttpStatusCode.RequestEntityTooLarge, "detail",
                "The body has 6,000,081 bytes; a sweep request may have at most 1,048,576 bytes (the app setting Sweep__MaxRequestBytes). Large grids belong in several stages, and a base can be named as a blob."
            },
        };
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_over_a_limit_is_refused_and_nothing_is_stored_or_started(string what, string body, HttpStatusCode status, string field, string message)
    {
        await fixture.RequireStorageAsync();
        var (blobsBefore, sweepsBefore) = await StateAsync();

        var response = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), App.Client);

        Assert.True(response.StatusCode == status, $"{what}: {response.StatusCode} {response.BodyText()[..Math.Min(300, response.BodyText().Length)]}");
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
        var problem = response.BodyJson();
        string actual = field == "detail" ? problem.GetProperty("detail").GetString()! : problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Equal(message, actual);
        Assert.True(response.BodyText().Length < 10_000, $"{what}: the problem is {response.BodyText().Length:N0} characters");
        Assert.Equal((blobsBefore, sweepsBefore), await StateAsync());
    }

    [Fact]
    public async Task Ten_parameters_of_ten_values_are_counted_without_overflow_and_refused()
    {
        await fixture.RequireStorageAsync();
        string[] names = ["h_rho", "h_xi", "h_phi", "h_eta", "v", "r_bar", "delta", "beta", "max_M", "max_H"];
        string grid = string.Join(' ', names.Select(n => $"{n}=" + string.Join(',', Enumerable.Range(1, 10).Select(i => n.StartsWith("max_", StringComparison.Ordinal) ? i.ToString(CultureInfo.InvariantCulture) : (i / 100.0).ToString("F2", CultureInfo.InvariantCulture)))));
        var bam = new StartSweep(
            new SweepLauncher(App.Store, new BamScenarioCatalog(), App.Services.GetRequiredService<IOptions<SweepAppOptions>>(), TimeProvider.System, NullLogger<SweepLauncher>.Instance),
            App.Store, App.Services.GetRequiredService<IOptions<SweepAppOptions>>());
        var (blobsBefore, sweepsBefore) = await StateAsync();

        var response = await bam.RunAsync(TestHttpRequest.Post("sweeps", $$"""{"scenario": "baseline", "stages": ["A:{{grid}}"]}"""), App.Client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = response.BodyJson().GetProperty("errors");
        Assert.Equal(
            "Stage 'A' has this many grid combinations: 10,000,000,000, over the limit MaxCandidatesPerStage = 5,000. Ask for less, or raise it with the app setting Sweep__Limits__MaxCandidatesPerStage.",
            errors.GetProperty("stages[0]")[0].GetString());
        Assert.Equal((blobsBefore, sweepsBefore), await StateAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Body_that_is_not_declared_JSON_gets_415_and_nothing_runs(string? contentType)
    {
        await fixture.RequireStorageAsync();
        var (blobsBefore, sweepsBefore) = await StateAsync();

        var response = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", """{"scenario": "quadratic", "stages": ["A:x=0.1"]}""", contentType), App.Client);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(
            $"Send the sweep request with Content-Type: application/json; got {(contentType is null ? "no Content-Type" : $"'{contentType}'")}.",
            response.BodyJson().GetProperty("detail").GetString());
        Assert.Equal((blobsBefore, sweepsBefore), await StateAsync());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/problem+json")]
    [InlineData("Application/JSON")]
    public async Task JSON_media_types_with_parameters_or_a_json_suffix_are_accepted(string contentType)
    {
        await fixture.RequireStorageAsync();
        string id = "json-type-" + Math.Abs(contentType.GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);

        var response = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", global::SweepFunctions.Tests.Support.Requests.OneStage(id).ToJsonString(), contentType), App.Client);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await App.WaitForSweepAsync(id);
    }

    [Fact]
    public async Task A_body_longer_than_its_Content_Length_claims_is_cut_off_at_the_limit()
    {
        await fixture.RequireStorageAsync();
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/sweeps", $$"""{"scenario": "quadratic", "stages": ["{{new string('L', 2_000_000)}}:x=0.1"]}""");
        request.Headers.Add("Content-Type", "application/json");

        var response = await App.Create<StartSweep>().RunAsync(request, App.Client);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The body is longer than that; a sweep request may have at most 1,048,576 bytes", response.BodyJson().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_body_that_arrives_empty_gets_411_not_a_JSON_error_and_nothing_runs()
    {
        await fixture.RequireStorageAsync();
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/sweeps", "");   // how the Functions host hands on a chunked body
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Transfer-Encoding", "chunked");
        var (blobsBefore, sweepsBefore) = await StateAsync();

        var response = await App.Create<StartSweep>().RunAsync(request, App.Client);

        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
        Assert.Equal(
            "No body arrived and no Content-Length was declared (Transfer-Encoding: chunked): the Functions host hands a chunked body on empty. " +
            "Send the sweep request with a Content-Length header, as curl -d and most clients do.",
            response.BodyJson().GetProperty("detail").GetString());
        Assert.Equal((blobsBefore, sweepsBefore), await StateAsync());
    }

    [Fact]
    public async Task A_chunked_body_that_does_arrive_is_read_up_to_the_limit_and_a_10_MB_one_gets_413()
    {
        await fixture.RequireStorageAsync();
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/sweeps", $$"""{"scenario": "quadratic", "stages": ["{{new string('L', 10_000_000)}}:x=0.1"]}""");
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Transfer-Encoding", "chunked");

        var response = await App.Create<StartSweep>().RunAsync(request, App.Client);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The body is longer than that; a sweep request may have at most 1,048,576 bytes", response.BodyJson().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_instance_id_that_already_has_results_is_refused_with_409()
    {
        await fixture.RequireStorageAsync();
        await App.Store.WriteTextAsync("reused-id/stages/01-A.json", "{}");

        var response = await App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", global::SweepFunctions.Tests.Support.Requests.OneStage("reused-id").ToJsonString()), App.Client);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            "Results of an earlier sweep 'reused-id' are stored under 'reused-id/' (for example reused-id/stages/01-A.json); choose another instanceId.",
            response.BodyJson().GetProperty("detail").GetString());
        Assert.Null(await App.Client.GetInstanceAsync("reused-id"));
    }

    private async Task<(int Blobs, int Sweeps)> StateAsync()
    {
        var blobs = await App.Store.ListAsync("");
        int sweeps = 0;
        await foreach (var _ in App.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1000 }))
        {
            sweeps++;
        }

        return (blobs.Count, sweeps);
    }
}
