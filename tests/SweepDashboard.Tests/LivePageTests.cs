using System.Net;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SweepDashboard.Tests.Support;
using SweepFunctions.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SweepDashboard.Tests;

/// <summary>
/// The pages the Functions app serves, in headless Chromium: the app's real HTTP functions on a loopback socket
/// (<see cref="LoopbackServer"/>, which refuses requests without the function key as the host does), the real
/// orchestrator and activities on the in-process durable engine, blobs in Azurite. The test evaluator holds a stage's
/// evaluations to keep the sweep between two stages while the page is watched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePageTests(Chromium chromium, AzuriteAppFixture fixture) : IClassFixture<AzuriteAppFixture>, IAsyncLifetime
{
    private const string Key = "page-test-key";

    private LoopbackServer _server = null!;

    private SweepAppHost App => fixture.App;

    public async Task InitializeAsync()
    {
        await fixture.RequireStorageAsync();
        App.Clock.Now = DateTimeOffset.UtcNow;   // the pages say when they were written
        _server = await LoopbackServer.StartAsync(App, Key);
    }

    public async Task DisposeAsync()
    {
        App.Evaluator.Release();
        App.Evaluator.FailNext(0);
        App.Evaluator.FailureMessage = TestEvaluator.DefaultFailureMessage;
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Live_page_shows_each_stage_as_it_finishes_then_the_final_config_and_stops_refreshing()
    {
        const string id = "live-three-stages";
        App.Evaluator.Hold(_ => true);
        await StartAsync(id, """
            {"scenario": "noisy", "stages": ["A:x=0.1,0.2,0.3,0.4,0.8,0.9", "B:n=2,3,4,5", "C:mode=plain,fancy"], "periods": 10,
             "stabilityTiers": "6:20,3:40", "racing": true, "raceBlock": 10, "crossScenario": "other"}
            """);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var offSite = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(_server.BaseUrl + "/", StringComparison.Ordinal)) offSite.Add(r.Url); };
        string pageUrl = $"{_server.BaseUrl}/api/sweeps/{id}/dashboard?code={Key}&refresh=1";

        await page.GotoAsync(pageUrl);
        await page.EvaluateAsync("() => { window.openedOnce = true; }");

        // Nothing finished: stage 1 runs, 2 and 3 wait.
        await Expect(page.Locator("#sweep-id")).ToHaveTextAsync(id);
        await Expect(page.Locator("header .badge")).ToHaveTextAsync("Running");
        await Expect(page.Locator("#card-stages")).ToContainTextAsync("0 of 3");
        await Expect(page.Locator("#stage-1")).ToHaveClassAsync("stage running");
        await Expect(page.Locator("#stage-2")).ToHaveClassAsync("stage waiting");
        await Expect(page.Locator("#card-eta")).ToBeVisibleAsync();
        await Expect(page.Locator("#refresh-state")).ToHaveAttributeAsync("data-state", "refreshing");
        await Expect(page.Locator("#final")).ToHaveCountAsync(0);

        // Stage A runs; B's evaluations (those with n) wait.
        App.Evaluator.Hold(r => r.Params.Contains("n"));
        await Expect(page.Locator("#stage-1 .stage-winner")).ToHaveTextAsync("{x: 0.3}");
        await Expect(page.Locator("#card-stages")).ToContainTextAsync("1 of 3");
        await Expect(page.Locator("#stage-2")).ToHaveClassAsync("stage running");
        await Expect(page.Locator("#stage-1-candidates tbody tr")).ToHaveCountAsync(6);
        Assert.Equal(StaticPageTests.StageACandidates, await StaticPageTests.RowsAsync(page, "#stage-1-candidates tbody tr"));
        await Expect(page.Locator("#stage-1-verdict")).ToHaveTextAsync(StaticPageTests.StageAVerdict);
        Assert.Equal(StaticPageTests.StageADropped, await StaticPageTests.RowsAsync(page, "#stage-1-dropped tbody tr"));
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, Accessibility.Describe(axe));
        await Expect(page.Locator("#final")).ToHaveCountAsync(0);
        if (Screenshots.Wanted)
        {
            await Task.Delay(2500);   // a few refreshes: the elapsed time and the estimate of the time left move on
        }

        await Screenshots.SaveAsync(page, "live-desktop-light");
        await ShootPhoneAsync(pageUrl, "live-phone-dark");

        // Stage B runs; C's evaluations (those with mode) wait. What the reader is on stays as it is.
        await page.Locator("#stage-1-candidates-wrap").FocusAsync();
        await page.EvaluateAsync("() => { document.getElementById('stage-1').kept = true; }");
        App.Evaluator.Hold(r => r.Params.Contains("mode"));
        await Expect(page.Locator("#stage-2 .stage-winner")).ToHaveTextAsync("{x: 0.3, n: 4}");
        Assert.Equal("stage-1-candidates-wrap", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('stage-1').kept === true"), "Stage 1 was drawn again although it did not change.");
        await Expect(page.Locator("#card-stages")).ToContainTextAsync("2 of 3");
        await Expect(page.Locator("#stage-3")).ToHaveClassAsync("stage running");

        // The last stage ends: the final config appears and the page stops asking.
        App.Evaluator.Release();
        await Expect(page.Locator("header .badge")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("#refresh-state")).ToHaveAttributeAsync("data-state", "stopped");
        await Expect(page.Locator("#final-params")).ToHaveTextAsync("{x: 0.3, n: 4, mode: plain}");
        Assert.Equal("x: 0.3\nn: 4\nmode: 'plain'\n", await page.Locator("#final-yaml").TextContentAsync());
        Assert.Equal("{\n  \"x\": 0.3,\n  \"n\": 4,\n  \"mode\": \"plain\"\n}\n", await page.Locator("#final-json").TextContentAsync());
        await Expect(page.Locator("#card-stages")).ToContainTextAsync("3 of 3");
        await Expect(page.Locator("#card-eta")).ToHaveCountAsync(0);
        await Expect(page.Locator("#link-report")).ToHaveAttributeAsync("href", $"/api/sweeps/{id}/report?code={Key}");
        var blobs = await page.Locator("#blobs li").EvaluateAllAsync<string[][]>("items => items.map(li => [li.textContent, li.querySelector('a') ? li.querySelector('a').getAttribute('href') : ''])");
        Assert.Contains([$"{id}/report.json — the full report (every candidate's seed scores)", $"/api/sweeps/{id}/report?code={Key}"], blobs);
        Assert.Contains([$"{id}/outcomes/02-B.json — stage 2: every candidate's figures", $"/api/sweeps/{id}/stages/2?code={Key}"], blobs);
        Assert.Contains([$"{id}/request.json — the request as accepted", ""], blobs);
        Assert.Contains([$"{id}/stages/03-C.json — stage 3 winner, stability format", ""], blobs);
        Assert.Contains([$"{id}/noisy_sweep.json — the final winner, stability format (the status route's \"final\")", ""], blobs);
        var status = JsonNode.Parse(await new HttpClient().GetStringAsync($"{_server.BaseUrl}/api/sweeps/{id}?code={Key}"))!;
        await Expect(page.Locator("#card-evaluations")).ToContainTextAsync(
            $"{(int)status["progress"]!["evaluationsRequested"]!} of at most {(int)status["progress"]!["evaluationsPlannedAtMost"]!}");

        int polls = _server.Count("GET", $"/api/sweeps/{id}");
        await Task.Delay(3500);
        Assert.Equal(polls, _server.Count("GET", $"/api/sweeps/{id}"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.openedOnce === true"), "The page reloaded instead of updating in place.");
        Assert.Equal(Screenshots.Wanted ? 2 : 1, _server.Count("GET", $"/api/sweeps/{id}/dashboard"));   // the phone's screenshot opens it once more
        Assert.Equal(1, _server.Count("GET", $"/api/sweeps/{id}/stages/1"));
        Assert.Equal(1, _server.Count("GET", $"/api/sweeps/{id}/stages/2"));
        Assert.Equal(1, _server.Count("GET", $"/api/sweeps/{id}/report"));
        Assert.All(_server.Received, r => Assert.True(r.HadKey, $"{r.Method} {r.PathAndQuery} came without the key."));
        Assert.Empty(offSite);
    }

    [Fact]
    public async Task Live_page_of_a_failed_sweep_says_what_went_wrong_in_plain_words_and_runs_no_markup_from_the_message()
    {
        const string id = "live-failed";
        const string message = "<img src=x onerror=\"window.pwned = 1\"><script>window.pwned = 2</script> the model blew up";
        App.Evaluator.FailureMessage = message;
        App.Evaluator.FailNext(int.MaxValue);
        await StartAsync(id, """{"scenario": "quadratic", "stages": ["A:x=0.1,0.3"], "periods": 10, "stabilityTiers": "2:2"}""");
        await App.WaitForSweepAsync(id);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{_server.BaseUrl}/api/sweeps/{id}/dashboard?code={Key}");

        await Expect(page.Locator("header .badge")).ToHaveTextAsync("Failed");
        await Expect(page.Locator("#failure h2")).ToHaveTextAsync("The sweep failed");
        await Expect(page.Locator("#failure-summary")).ToHaveTextAsync("It stopped during stage 1 of 1 (A): screening. No stage had finished.");
        await Expect(page.Locator("#failure-message")).ToHaveTextAsync(message);
        await page.Locator("#failure-details summary").ClickAsync();
        await Expect(page.Locator("#failure-details li").Last).ToHaveTextAsync("System.IO.IOException: " + message);
        await Expect(page.Locator("#refresh-state")).ToHaveAttributeAsync("data-state", "stopped");
        Assert.Equal(0, await page.Locator("#app img, #app script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "Markup in the failure message ran.");
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, Accessibility.Describe(axe));

        // The same sweep fetched with the command line: the page it writes says the same, from disk.
        using var folder = new TempFolder();
        var fetch = await KitCli.RunAsync(new FunctionsHttpHandler(App), "fetch", id, "--endpoint", "http://localhost:7071", "--output", folder.Path);
        Assert.Equal(1, fetch.ExitCode);
        var saved = await context.NewPageAsync();
        await saved.GotoAsync(new Uri(folder["quadratic_sweep_report.html"]).AbsoluteUri);
        await Expect(saved.Locator("#failure-message")).ToHaveTextAsync(message);
        await Expect(saved.Locator("#refresh-state")).ToHaveAttributeAsync("data-state", "static");
        Assert.True(await saved.EvaluateAsync<bool>("() => window.pwned === undefined"), "Markup in the failure message ran.");
    }

    [Fact]
    public async Task Live_page_of_a_sweep_cancelled_while_watched_says_so_keeps_the_finished_stage_and_stops_refreshing()
    {
        const string id = "live-cancelled";
        App.Evaluator.Hold(r => r.Params.Contains("n"));
        await StartAsync(id, """{"scenario": "quadratic", "stages": ["A:x=0.1,0.3,0.5", "B:n=2,4,6"], "periods": 10, "stabilityTiers": "3:2,2:3"}""");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_server.BaseUrl}/api/sweeps/{id}/dashboard?code={Key}&refresh=1");
        await Expect(page.Locator("#stage-1 .stage-winner")).ToHaveTextAsync("{x: 0.3}");

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"{_server.BaseUrl}/api/sweeps/{id}/cancel?code={Key}", null)).StatusCode);

        await Expect(page.Locator("header .badge")).ToHaveTextAsync("Cancelled (terminated)");
        await Expect(page.Locator("#failure h2")).ToHaveTextAsync("The sweep was cancelled");
        await Expect(page.Locator("#failure-summary")).ToHaveTextAsync("It was stopped during stage 2 of 2 (B): screening. 1 finished stage and its results are kept below.");
        await Expect(page.Locator("#refresh-state")).ToHaveAttributeAsync("data-state", "stopped");
        await Expect(page.Locator("#stage-1-candidates tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#stage-2")).ToHaveCountAsync(0);
        await Expect(page.Locator("#stages-not-run")).ToHaveTextAsync("1 stage did not run.");
        await Expect(page.Locator("#final")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task List_page_links_each_sweep_to_its_page_with_the_key_and_an_unknown_sweep_gets_a_404_page_saying_so()
    {
        const string id = "live-listed";
        await StartAsync(id, """{"scenario": "quadratic", "stages": ["A:x=0.1,0.3"], "periods": 10, "stabilityTiers": "2:2"}""");
        await App.WaitForSweepAsync(id);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{_server.BaseUrl}/api/dashboard?code={Key}&status=Completed");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Recent sweeps");
        await Expect(page.Locator(".filters a[aria-current=page]")).ToHaveTextAsync("Completed");
        var row = page.Locator($"tr[data-sweep='{id}']");
        Assert.Equal(["live-listed", "Completed", "quadratic", "1 of 1", "{x: 0.3}"], (await StaticPageTests.RowsAsync(page, $"tr[data-sweep='{id}']"))[0].Where((_, i) => i is 0 or 1 or 2 or 5 or 6));
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, Accessibility.Describe(axe));
        await Screenshots.SaveAsync(page, "list-desktop-light", fullPage: false);
        await row.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{_server.BaseUrl}/api/sweeps/{id}/dashboard?code={Key}");
        await Expect(page.Locator("#sweep-id")).ToHaveTextAsync(id);
        await page.GetByRole(AriaRole.Link, new() { Name = "← Recent sweeps" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{_server.BaseUrl}/api/dashboard?code={Key}");

        var missing = await page.GotoAsync($"{_server.BaseUrl}/api/sweeps/no-such-sweep/dashboard?code={Key}");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("No such sweep");
        await Expect(page.Locator("#message")).ToHaveTextAsync("There is no sweep with id 'no-such-sweep'.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "← Recent sweeps" })).ToHaveAttributeAsync("href", $"/api/dashboard?code={Key}");
        Assert.All(_server.Received, r => Assert.True(r.HadKey, $"{r.Method} {r.PathAndQuery} came without the key."));
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient().GetAsync($"{_server.BaseUrl}/api/dashboard")).StatusCode);
    }

    private async Task StartAsync(string id, string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        request["instanceId"] = id;
        using var http = new HttpClient();
        var response = await http.PostAsync($"{_server.BaseUrl}/api/sweeps?code={Key}", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The page as a phone in dark mode shows it now, when screenshots are wanted.</summary>
    private async Task ShootPhoneAsync(string url, string name)
    {
        if (!Screenshots.Wanted)
        {
            return;
        }

        await using var phone = await chromium.NewContextAsync(375, 812, ColorScheme.Dark);
        var page = await phone.NewPageAsync();
        App.Clock.Now = DateTimeOffset.UtcNow;
        await page.GotoAsync(url);
        await Expect(page.Locator("#stage-1-candidates")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, name);
    }
}
