using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using SweepDashboard.Tests.Support;
using SweepTestKit;
using static Microsoft.Playwright.Assertions;

namespace SweepDashboard.Tests;

/// <summary>
/// The page <c>sweep run --evaluator</c> writes for a model of the user's own, here the test simulator
/// (tests/simulator/sim.py) told to crash on seed 2 and to answer NaN for x = 4: the page names the evaluator, shows
/// each stage's failed evaluations by reason, and the winner's metrics with their sd and n.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OwnModelPageTests(Chromium chromium, OwnModelPageTests.FaultySweep sweep) : IClassFixture<OwnModelPageTests.FaultySweep>
{
    public sealed class FaultySweep : IAsyncLifetime, IDisposable
    {
        public TempFolder Folder { get; } = new();

        public string PageUrl => new Uri(Folder["quadratic_sweep_report.html"]).AbsoluteUri;

        public async Task InitializeAsync()
        {
            var run = await KitCli.RunAsync(null, "run", "--evaluator", TestSimulator.Command("--fault", "crash@seed=2", "--fault", "nan@x=4.0"),
                "--scenario", "quadratic", "--stages", "A:x=2.0,3.0,4.0", "--stability-tiers", "3:3", "--periods", "10", "--workers", "2",
                "--max-failure-share", "0.5", "--retry-budget", "0", "--output", Folder.Path, "--quiet");
            Assert.True(run.ExitCode == 0, run.Error);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public async Task The_page_names_the_evaluator_and_shows_the_stages_failed_evaluations_by_reason_and_the_winners_metrics()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(sweep.PageUrl);

        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#evaluator")).ToHaveTextAsync("evaluator test-sim 1.0");
        await Expect(page.Locator("header .sub")).ToContainTextAsync("scenario quadratic · evaluator test-sim 1.0 · ");
        // Screening: x = 2, 3, 4 and the incumbent 5 on seed 0 (x = 4 answers NaN); tier 1 brings the top three, 3, 2
        // and 5, to seeds 1 and 2 (each crashes on seed 2): 4 of the 10 evaluations run failed.
        await Expect(page.Locator("#stage-1-failed")).ToHaveTextAsync("4 of 10 evaluations run in this stage failed; each counts as score 0, not passed.");
        var rows = await StaticPageTests.RowsAsync(page, "#stage-1-failures tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal(["crash: the worker exited with code 3 during the evaluation", "3", "{x: 3.0} seed 2"], rows[0][..3]);
        Assert.Matches(new Regex(@"^sim\[\d+\]: crashing on id=\d+ as told$"), rows[0][3]);
        Assert.Equal(["nan: the score is NaN", "1", "{x: 4.0} seed 0", "–"], rows[1]);
        // The winner x = 3 on seeds 0 and 1 (seed 2 crashed): its distance to the peak (3, 1) is 1 on both; its noise is
        // 0.019012220199022302 and 0.01451011386607091 (mean 0.0167612, sd 0.00318347), as Python computes the simulator's draws.
        await Expect(page.Locator(".stage-winner")).ToHaveTextAsync("{x: 3.0}");
        Assert.Equal([["distance", "1", "0", "2"], ["noise", "0.01676", "0.003183", "2"]], await StaticPageTests.RowsAsync(page, "#stage-1-metrics tbody tr"));
        Assert.Equal(["Evaluator", "test-sim 1.0"], (await StaticPageTests.RowsAsync(page, "#settings tr")).Single(r => r[0] == "Evaluator"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_failures_and_metrics_pass_the_accessibility_checks()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(sweep.PageUrl);
        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Accessibility.Describe(result));
    }
}
