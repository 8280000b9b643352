using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>
/// <c>GET /api/sweeps</c> through the app's real HTTP function on a durable engine of its own (so the list holds only
/// the sweeps started here), with result blobs in Azurite: two completed sweeps and a cancelled one.
/// </summary>
public sealed class SweepListTests(SweepListTests.ThreeSweeps sweeps) : IClassFixture<SweepListTests.ThreeSweeps>
{
    [Fact]
    public async Task ListSweeps_StatusFilter_ListsOnlyThoseSweepsWithScenarioCreatedTimeAndWinner()
    {
        await sweeps.ReadyAsync();

        var completed = await sweeps.GetAsync("api/sweeps?status=completed");
        var both = await sweeps.GetAsync("api/sweeps?status=Terminated,COMPLETED");

        Assert.Equal(HttpStatusCode.OK, completed.Status);
        var list = completed.Body.GetProperty("sweeps").EnumerateArray().ToList();
        Assert.Equal(["list-done-1", "list-done-2"], list.Select(s => s.GetProperty("id").GetString()).Order());
        Assert.All(list, s =>
        {
            Assert.Equal("Completed", s.GetProperty("runtimeStatus").GetString());
            Assert.Equal("quadratic", s.GetProperty("scenario").GetString());
            Assert.Equal("""{"x":0.3}""", JsonSerializer.Serialize(s.GetProperty("winner")));
            Assert.True(s.GetProperty("winnerIsFinal").GetBoolean());
            Assert.Equal(1, s.GetProperty("stageCount").GetInt32());
            Assert.Equal(1, s.GetProperty("stagesFinished").GetInt32());
            Assert.InRange(s.GetProperty("createdAt").GetDateTimeOffset(), sweeps.StartedAfter, DateTimeOffset.UtcNow);
        });
        Assert.False(completed.Body.TryGetProperty("continuationToken", out _));

        var all = both.Body.GetProperty("sweeps").EnumerateArray().ToList();
        Assert.Equal(["list-cancelled", "list-done-1", "list-done-2"], all.Select(s => s.GetProperty("id").GetString()).Order());
        var cancelled = all.Single(s => s.GetProperty("id").GetString() == "list-cancelled");
        Assert.Equal("Terminated", cancelled.GetProperty("runtimeStatus").GetString());
        Assert.Equal(3, cancelled.GetProperty("stageCount").GetInt32());
        Assert.False(cancelled.GetProperty("winnerIsFinal").GetBoolean());
        var created = all.Select(s => s.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }

    [Fact]
    public async Task ListSweeps_FilterThatMatchesNothing_AnswersAnEmptyList()
    {
        await sweeps.ReadyAsync();

        var running = await sweeps.GetAsync("api/sweeps?status=Suspended");

        Assert.Equal(HttpStatusCode.OK, running.Status);
        Assert.Empty(running.Body.GetProperty("sweeps").EnumerateArray());
    }

    [Fact]
    public async Task ListSweeps_PageSizeTwo_GivesATokenAndTheSecondPageHasTheThirdSweep()
    {
        await sweeps.ReadyAsync();

        var first = await sweeps.GetAsync("api/sweeps?pageSize=2");
        string token = first.Body.GetProperty("continuationToken").GetString()!;
        var second = await sweeps.GetAsync("api/sweeps?pageSize=2&continuationToken=" + Uri.EscapeDataString(token));

        var firstIds = first.Body.GetProperty("sweeps").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        var secondIds = second.Body.GetProperty("sweeps").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, firstIds.Count);
        Assert.Single(secondIds);
        Assert.Equal(["list-cancelled", "list-done-1", "list-done-2"], firstIds.Concat(secondIds).Order());
        Assert.False(second.Body.TryGetProperty("continuationToken", out _));
    }

    [Fact]
    public async Task ListSweeps_UnknownStatus_Answers400NamingTheValue()
    {
        await sweeps.ReadyAsync();

        var response = await sweeps.GetAsync("api/sweeps?status=Running,Finished");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("The sweep list query is invalid.", response.Body.GetProperty("title").GetString());
        Assert.Equal(
            ["Unknown status 'Finished'. Use one or more of Pending, Running, Suspended, Completed, Failed, Terminated, separated by commas (any case)."],
            response.Body.GetProperty("errors").GetProperty("status").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ListSweeps_BadPageSizeAndDate_Answers400NamingEach()
    {
        await sweeps.ReadyAsync();

        var response = await sweeps.GetAsync("api/sweeps?pageSize=201&createdFrom=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var errors = response.Body.GetProperty("errors");
        Assert.Equal("pageSize must be a whole number from 1 to 200; got '201'.", errors.GetProperty("pageSize")[0].GetString());
        Assert.Equal("createdFrom must be a date and time in ISO 8601, for example 2026-11-01T00:00:00Z; got 'yesterday'.", errors.GetProperty("createdFrom")[0].GetString());
    }

    [Fact]
    public async Task ListSweeps_TokenNotGivenOut_Answers400NamingTheToken()
    {
        await sweeps.ReadyAsync();

        var response = await sweeps.GetAsync("api/sweeps?continuationToken=not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(
            "'not-a-token' is not a continuation token of this list. Pass the continuationToken of the previous page exactly as it came, or leave it out to start from the first page.",
            response.Body.GetProperty("errors").GetProperty("continuationToken")[0].GetString());
    }

    [Fact]
    public async Task ListSweeps_CreatedWindow_KeepsOnlySweepsCreatedInIt()
    {
        await sweeps.ReadyAsync();
        string future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        string past = Uri.EscapeDataString(sweeps.StartedAfter.ToString("O"));

        var none = await sweeps.GetAsync($"api/sweeps?createdFrom={future}");
        var all = await sweeps.GetAsync($"api/sweeps?createdFrom={past}&createdTo={future}");

        Assert.Empty(none.Body.GetProperty("sweeps").EnumerateArray());
        Assert.Equal(3, all.Body.GetProperty("sweeps").GetArrayLength());
    }

    /// <summary>A fresh app and durable engine with three sweeps: two completed one-stage sweeps and a cancelled long one.</summary>
    public sealed class ThreeSweeps : IAsyncLifetime
    {
        private readonly AzuriteAppFixture _app = new();
        private Task? _ready;

        public DateTimeOffset StartedAfter { get; } = DateTimeOffset.UtcNow.AddSeconds(-1);

        public Task InitializeAsync() => _app.InitializeAsync();

        public Task DisposeAsync() => _app.DisposeAsync();

        public async Task ReadyAsync()
        {
            await _app.RequireStorageAsync();
            await (_ready ??= StartAsync());
        }

        public async Task<(HttpStatusCode Status, string ContentType, JsonElement Body)> GetAsync(string pathAndQuery)
        {
            using var client = new HttpClient(new FunctionsHttpHandler(_app.App)) { BaseAddress = new Uri("http://localhost:7071/") };
            using var response = await client.GetAsync(pathAndQuery);
            string text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", JsonDocument.Parse(text).RootElement.Clone());
        }

        private async Task StartAsync()
        {
            var app = _app.App;
            using var client = new HttpClient(new FunctionsHttpHandler(app)) { BaseAddress = new Uri("http://localhost:7071/") };
            foreach (var body in new[] { Requests.OneStage("list-done-1"), Requests.OneStage("list-done-2"), Requests.Long("list-cancelled") })
            {
                using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("api/sweeps", content)).StatusCode);
            }

            await app.Client.TerminateInstanceAsync("list-cancelled");
            foreach (string id in new[] { "list-done-1", "list-done-2", "list-cancelled" })
            {
                await app.WaitForSweepAsync(id);
            }
        }
    }
}
