using System.Diagnostics;
using Microsoft.Playwright;
using SweepDashboard.Tests.Support;
using SweepHosting.Dashboard;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SweepDashboard.Tests;

/// <summary>
/// What each parameter does, on the page <c>sweep run</c> writes: a stage over ranges of the test kit's
/// <c>quadratic</c> scenario (score 1 − (x − 0.3)² − 0.01·(n − 4)², plus a small seed wobble), opened in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EffectsPageTests(Chromium chromium, ITestOutputHelper output)
{
    private const string Stage = "R[sobol 64, adaptive 8]:x=0..1 n=1..10";

    [Fact]
    public async Task A_stage_over_ranges_shows_importance_heatmap_a_slice_per_parameter_and_main_effects()
    {
        using var folder = new TempFolder();
        var run = await KitCli.RunAsync(null, "run", "--scenario", "quadratic", "--stages", Stage, "--periods", "10",
            "--stability-tiers", "8:5,3:10", "--output", folder.Path, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(new Uri(folder["quadratic_sweep_report.html"]).AbsoluteUri);

        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);
        var effects = page.Locator("#stage-1-effects");
        await Expect(effects.Locator("h4")).ToHaveTextAsync("What each parameter does");
        await Expect(effects.Locator("p").First).ToContainTextAsync(
            "Design: scrambled Sobol, 64 points over x=0..1, n=1..10; then up to 8 adaptive (best-batch perturbation). From the screening scores (seed 0) of 72 candidates");
        // x moves the score most: over 0..1, (x - 0.3)^2 has variance 0.0189 against 0.0127 for 0.01 (n - 4)^2 over 1..10.
        Assert.Equal(["x", "n"], await page.Locator("#stage-1-importance g[data-parameter]").EvaluateAllAsync<string[]>("gs => gs.map(g => g.getAttribute('data-parameter'))"));
        await Expect(page.Locator("#stage-1-heatmap rect.hcell")).ToHaveCountAsync(36);   // 6 x 6 bins of x and n
        await Expect(page.Locator("#stage-1-slice-0")).ToHaveAttributeAsync("data-parameter", "x");
        await Expect(page.Locator("#stage-1-slice-1")).ToHaveAttributeAsync("data-parameter", "n");
        await Expect(page.Locator("#stage-1-slice-0 circle.sdot")).ToHaveCountAsync(73);   // 72 drawn plus the incumbent
        await Expect(page.Locator("#stage-1-slice-0 circle.ring")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stage-1-main-effects tbody tr")).ToHaveCountAsync(8 + 8);   // 8 bins of each
        Assert.Empty(errors);
        await page.SetViewportSizeAsync(1280, 900);
        await Screenshots.SaveAsync(page, "effects-desktop-light");
    }

    /// <summary>
    /// A 1,000-candidate stage's page: its size is held to a budget (a count, so a test), and the time it takes to draw
    /// is printed (a time on a shared machine, so a figure to quote, never a pass or fail).
    /// </summary>
    [Fact]
    public async Task The_page_of_a_1000_candidate_stage_stays_within_its_size_budget()
    {
        using var folder = new TempFolder();
        var run = await KitCli.RunAsync(null, "run", "--scenario", "quadratic", "--stages", "K[sobol 1000]:x=0..1 n=1..10", "--periods", "10",
            "--stability-tiers", "100:10,50:20,10:100", "--output", folder.Path, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        long bytes = new FileInfo(folder["quadratic_sweep_report.html"]).Length;
        await using var context = await chromium.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(folder["quadratic_sweep_report.html"]).AbsoluteUri);
        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);
        clock.Stop();
        double scriptMs = await page.EvaluateAsync<double>("() => performance.now()");

        output.WriteLine($"1,000-candidate stage: page {bytes:N0} bytes (script {SweepPage.ScriptBudget:N0}-character budget), ready in {clock.Elapsed.TotalMilliseconds:F0} ms from navigation (performance.now() {scriptMs:F0} ms)");
        await Expect(page.Locator("#stage-1-slice-0 circle.sdot")).ToHaveCountAsync(1001);
        Assert.InRange(bytes, 1, PageBudgetBytes);
    }

    /// <summary>The most a page of one 1,000-candidate stage may weigh.</summary>
    private const long PageBudgetBytes = 1_000_000;   // measured 487,064 bytes
}
