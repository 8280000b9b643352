using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SweepDashboard.Tests.Support;
using SweepDomain.Parameters;
using SweepHosting.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace SweepDashboard.Tests;

/// <summary>
/// The page <c>sweep run</c> writes beside its results, opened from disk in headless Chromium, read as a person would:
/// a raced sweep of the test kit's <c>noisy</c> scenario with a cross-scenario check, two stages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaticPageTests(Chromium chromium, StaticPageTests.RacedSweep sweep) : IClassFixture<StaticPageTests.RacedSweep>
{
    /// <summary>One local run for the class: racing drops three candidates in each stage.</summary>
    public sealed class RacedSweep : IAsyncLifetime, IDisposable
    {
        public TempFolder Folder { get; } = new();

        public string PageUrl => new Uri(Folder["noisy_sweep_report.html"]).AbsoluteUri;

        public async Task InitializeAsync()
        {
            var run = await KitCli.RunAsync(null, "run", "--scenario", "noisy", "--stages", "A:x=0.1,0.2,0.3,0.4,0.8,0.9", "B:n=2,3,4,5",
                "--periods", "10", "--stability-tiers", "6:20,3:40", "--racing", "--race-block", "10", "--cross-scenario", "other",
                "--output", Folder.Path, "--quiet");
            Assert.True(run.ExitCode == 0, run.Error);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Folder.Dispose();
    }

    /// <summary>
    /// Stage A of the raced noisy sweep as its candidate table reads (the live page of the same sweep on the service
    /// reads the same): rank or fate, candidate, screening score, each tier's mean [95% CI] and pass rate, combined,
    /// the paired difference to the winner.
    /// </summary>
    internal static readonly string[][] StageACandidates =
    [
        ["1", "{x: 0.3} winner", "1.0058", "0.9611 [0.9471, 0.9750] pass 100%", "0.9604 [0.9514, 0.9694] pass 100%", "0.9334", "–"],
        ["2", "{x: 0.2}", "0.9144", "0.9568 [0.9432, 0.9703] pass 100%", "0.9551 [0.9466, 0.9636] pass 100%", "0.9297", "-0.0053 p = 0.36"],
        ["3", "{x: 0.4}", "0.9327", "0.9470 [0.9345, 0.9594] pass 100%", "0.9480 [0.9395, 0.9566] pass 100%", "0.9226", "-0.0124 p = 0.076"],
        ["4", "{x: 0.5} incumbent", "0.9549", "0.9052 [0.8945, 0.9158] pass 100%", "0.9108 [0.9021, 0.9195] pass 100%", "0.8860", "-0.0496 p < 0.0001"],
        ["dropped (tier 1, block 2)", "{x: 0.8}", "0.7557", "0.7119 [0.6968, 0.7270] pass 100%", "–", "0.6889", "–"],
        ["stopped after tier 1", "{x: 0.1}", "0.9436", "0.9333 [0.9201, 0.9464] pass 100%", "–", "0.9070", "–"],
    ];

    internal const string StageAVerdict = "winner vs incumbent: +0.0496 (95% CI +0.0361 .. +0.0632, n = 40), p < 0.0001: significant at alpha 0.05 (better)";

    /// <summary>
    /// Stage A's racing drops: candidate, tier, block, seeds, the leader it lost to, the difference, the Holm-adjusted p.
    /// Every candidate passes every seed, so only the one 0.25 below the leader is dropped, at 20 seeds.
    /// </summary>
    internal static readonly string[][] StageADropped =
    [
        ["{x: 0.8}", "1", "2", "20", "{x: 0.3}", "-0.2492", "0.0025"],
    ];

    [Fact]
    public async Task Static_page_shows_progress_winner_candidates_verdict_drops_cross_check_and_final_config()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(sweep.PageUrl);

        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);
        await Expect(page.Locator("h1")).ToHaveTextAsync("noisy sweep");
        await Expect(page.Locator("header .badge")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("#card-stages")).ToHaveTextAsync("2 of 2");
        await Expect(page.Locator("#card-evaluations")).ToContainTextAsync("441 of at most 441");
        await Expect(page.Locator("#card-evaluations")).ToContainTextAsync("361 run, 80 reused from earlier");
        await Expect(page.Locator("#refresh-state")).ToHaveAttributeAsync("data-state", "static");

        await Expect(page.Locator("#final-params")).ToHaveTextAsync("{x: 0.3, n: 4}");
        Assert.Equal("x: 0.3\nn: 4\n", await page.Locator("#final-yaml").TextContentAsync());
        Assert.Equal("{\n  \"x\": 0.3,\n  \"n\": 4\n}\n", await page.Locator("#final-json").TextContentAsync());

        await Expect(page.Locator("#stage-1 .stage-winner")).ToHaveTextAsync("{x: 0.3}");
        await Expect(page.Locator("#stage-2 .stage-winner")).ToHaveTextAsync("{x: 0.3, n: 4}");
        Assert.Equal(StageACandidates, await RowsAsync(page, "#stage-1-candidates tbody tr"));
        Assert.Equal(["Rank", "Candidate", "Screening (seed 0)", "Tier 1 (20 seeds)", "Tier 2 (40 seeds)", "Combined", "vs winner"], await RowsAsync(page, "#stage-1-candidates thead tr").ContinueWith(t => t.Result.Single()));

        await Expect(page.Locator("#stage-1-verdict")).ToHaveTextAsync(StageAVerdict);
        await Expect(page.Locator("#stage-1-rule")).ToHaveTextAsync("best: the top of the final ranking wins; the incumbent wins ties");
        await Expect(page.Locator("#stage-1-reason")).ToHaveTextAsync("{x: 0.3} ranks first (combined 0.9334 on 40 seeds; the incumbent combined 0.8860 on 40 seeds)");
        Assert.Equal(
            [
                ["Mean difference of seed scores", "+0.0496"], ["95% confidence interval", "+0.0361 .. +0.0632"], ["Standard error", "0.0067"],
                ["Paired t-test p (two-sided)", "< 0.0001"], ["Wilcoxon signed-rank p", "< 0.0001"], ["Pass-rate difference", "+0.0000"],
                ["Seeds failing for the winner only / the incumbent only", "0 / 0"], ["McNemar p (exact)", "1"],
            ],
            await RowsAsync(page, "#stage-1-comparison tbody tr"));

        await Expect(page.Locator("#stage-1-racing")).ToHaveTextAsync(
            "Blocks of 10 seeds at alpha 0.05: dropped 1 candidate; the screening and tiers requested 201 evaluations where the plain tiers could request up to 220 (saved 19).");
        Assert.Equal(StageADropped, await RowsAsync(page, "#stage-1-dropped tbody tr"));
        Assert.Equal(
            [["noisy", "0.9611", "0.0298", "0.9324", "100%", "0"], ["other", "0.8008", "0.0120", "0.7912", "100%", "0"]],
            await RowsAsync(page, "#stage-1-cross tbody tr"));

        var chart = page.Locator("#stage-1-chart");
        await Expect(chart).ToHaveAttributeAsync("role", "img");
        await Expect(chart.Locator("title").First).ToHaveTextAsync("Stage A: mean seed score with its 95% interval at the last tier each candidate reached");
        await Expect(chart.Locator("desc")).ToHaveTextAsync(
            "6 candidates charted. Winner {x: 0.3} 0.9604 [0.9514, 0.9694] on 40 seeds. Incumbent {x: 0.5} 0.9108 [0.9021, 0.9195] on 40 seeds. Every figure is also in the table below.");
        await Expect(chart.Locator("g[data-candidate]")).ToHaveCountAsync(6);
        await Expect(page.Locator("#stage-1-slice-0-title")).ToHaveTextAsync("x: the screening scores of 7 candidates against its value; 6 tier means with 95% intervals");

        var links = await page.Locator("#files-list a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Equal(9, links.Length);   // per stage its winner, its chart and its parameter chart; the final winner, the report and the summary
        Assert.All(links, href => Assert.True(File.Exists(new Uri(href).LocalPath), href));
        Assert.Equal([sweep.PageUrl], requests);
        Assert.Empty(errors);
        await Screenshots.SaveAsync(page, "static-desktop-light");
    }

    [Fact]
    public async Task Copy_buttons_put_the_final_config_on_the_clipboard_as_yaml_and_as_json()
    {
        await using var context = await chromium.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(sweep.PageUrl);

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the YAML" }).ClickAsync();
        string yaml = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the YAML" })).ToHaveTextAsync("Copied");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the JSON" }).ClickAsync();
        string json = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

        Assert.Equal("x: 0.3\nn: 4\n", yaml);
        Assert.Equal("{\n  \"x\": 0.3,\n  \"n\": 4\n}\n", json);
    }

    [Fact]
    public async Task On_a_phone_in_dark_mode_the_page_fits_the_screen_and_wide_tables_scroll_inside_their_box()
    {
        await using var context = await chromium.NewContextAsync(375, 812, ColorScheme.Dark);
        var page = await context.NewPageAsync();
        await page.GotoAsync(sweep.PageUrl);
        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);

        int pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var box = await page.Locator("#stage-1-candidates-wrap").EvaluateAsync<int[]>("w => [w.scrollWidth, w.clientWidth]");
        string background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        string text = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).color");

        Assert.True(pageWidth <= 375, $"The page is {pageWidth} px wide on a 375 px screen.");
        Assert.True(box[0] > box[1], $"The candidate table ({box[0]} px) should scroll inside its {box[1]} px box.");
        Assert.Equal("rgb(17, 20, 24)", background);
        Assert.Equal("rgb(230, 233, 238)", text);
        await Screenshots.SaveAsync(page, "static-phone-dark");
    }

    [Fact]
    public async Task In_light_mode_the_page_is_dark_text_on_a_light_background()
    {
        await using var context = await chromium.NewContextAsync(1280, 800, ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync(sweep.PageUrl);
        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);

        Assert.Equal("rgb(246, 247, 249)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(27, 31, 36)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
    }

    [Fact]
    public async Task Final_config_keeps_a_float_written_1_0_and_shows_markup_in_values_as_text()
    {
        const string markup = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        var report = new SweepDomain.Results.SweepReport("baseline", null, 200, "3:5,2:10", "combined", 1.0, 20, "convention", ParamSet.Of(("label", markup)),
            ["A:beta=1.0,2.5", markup], [], ParamSet.Of(("beta", 1.0), ("max_M", 4), ("note", markup)), 20, 20);
        using var folder = new TempFolder();
        File.WriteAllText(folder["baseline_sweep_report.html"], SweepPage.Render(SweepPageData.FromReport(SweepPageSources.Run, report, DateTimeOffset.UnixEpoch)));
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(folder["baseline_sweep_report.html"]).AbsoluteUri);

        Assert.Equal($"beta: 1.0\nmax_M: 4\nnote: '{markup}'\n", await page.Locator("#final-yaml").TextContentAsync());
        Assert.Equal($"{{\n  \"beta\": 1.0,\n  \"max_M\": 4,\n  \"note\": {System.Text.Json.JsonSerializer.Serialize(markup, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}\n}}\n",
            await page.Locator("#final-json").TextContentAsync());
        await Expect(page.Locator("#final-params")).ToHaveTextAsync($"{{beta: 1.0, max_M: 4, note: {markup}}}");
        await Expect(page.Locator("#settings")).ToContainTextAsync($"{{label: {markup}}}");
        await Expect(page.Locator("#settings li").Last).ToHaveTextAsync(markup);
        Assert.Equal(0, await page.Locator("#app img, #app script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "Markup in a value ran.");
    }

    /// <summary>
    /// Stage A's chart with two long, digit-heavy parameters added to every candidate, so that each label is too long for
    /// the label column at the chart's left edge and the winner's (bold, at the top) is the widest: at a desktop's and at
    /// a phone's width every label lies inside the chart, and the winner's is cut short before its star, which it keeps.
    /// </summary>
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Long_candidate_labels_stay_inside_the_chart_and_the_winner_keeps_its_star(int viewportWidth)
    {
        var data = SweepPage.DataOf(File.ReadAllText(sweep.Folder["noisy_sweep_report.html"]))!.AsObject();
        var stageA = data["report"]!["stages"]![0]!;
        foreach (var parameters in stageA["candidates"]!.AsArray().Select(c => c!["params"]!.AsObject()).Append(stageA["result"]!["winnerParams"]!.AsObject()))
        {
            double x = parameters["x"]!.GetValue<double>();
            parameters["productivity_growth"] = x / 7;   // 0.3 gives 0.04285714285714286
            parameters["wage_share"] = x * 987654.321 / 7;   // 0.3 gives 42328.04232857143
        }

        using var folder = new TempFolder();
        File.WriteAllText(folder["long_labels.html"], SweepPage.Render("noisy sweep", data));
        await using var context = await chromium.NewContextAsync(viewportWidth, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(folder["long_labels.html"]).AbsoluteUri);
        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);

        var labels = System.Text.Json.JsonSerializer.Deserialize<LabelBox[]>(await page.Locator("#stage-1-chart text.lbl").EvaluateAllAsync<string>(
            "ts => JSON.stringify(ts.map(t => { const s = t.ownerSVGElement.getBoundingClientRect(), b = t.getBoundingClientRect(); " +
            "return { text: t.lastChild.textContent, winner: t.classList.contains('winner'), left: b.left - s.left, right: s.right - b.right }; }))"),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        Assert.Equal(6, labels.Length);
        Assert.All(labels, l => Assert.True(l.Left >= 0 && l.Right >= 0, $"'{l.Text}' lies {l.Left:F1} px inside the chart's left edge and {l.Right:F1} px inside its right"));
        var winner = Assert.Single(labels, l => l.Winner);
        Assert.StartsWith("{x: 0.3, ", winner.Text);
        Assert.EndsWith("… ★", winner.Text);
    }

    public sealed record LabelBox(string Text, bool Winner, double Left, double Right);

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Static_page_breaks_no_accessibility_rule_of_axe(ColorScheme scheme)
    {
        await using var context = await chromium.NewContextAsync(1280, 800, scheme);
        var page = await context.NewPageAsync();
        await page.GotoAsync(sweep.PageUrl);
        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Accessibility.Describe(result));
    }

    /// <summary>Each row's cells as a person reads them: their text with runs of white space as one space.</summary>
    internal static async Task<string[][]> RowsAsync(IPage page, string selector) =>
        await page.Locator(selector).EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.replace(/\\s+/g, ' ').trim()))");
}
