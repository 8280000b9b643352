using SweepDashboard.Tests.Support;
using SweepDomain.Evaluation;
using SweepTestKit;
using static Microsoft.Playwright.Assertions;

namespace SweepDashboard.Tests;

/// <summary>The page a local run writes when Ctrl-C stops it after its first stage, opened in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InterruptedPageTests(Chromium chromium)
{
    /// <summary>Scores like the test kit; stops the run the first time stage B (which sweeps <c>n</c>) asks for a score.</summary>
    private sealed class StopAtStageB(CancellationTokenSource cancel) : IScenarioEvaluator
    {
        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            if (request.Params.Contains("n"))
            {
                cancel.Cancel();
            }

            return TestScenarios.Score(request);
        }
    }

    [Fact]
    public async Task Page_of_a_run_stopped_in_stage_B_says_interrupted_after_stage_1_of_2_and_how_to_finish()
    {
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var run = await KitCli.RunAsync(null, new StopAtStageB(cancel), cancel.Token, "run", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "B:n=3,4",
            "--periods", "10", "--stability-tiers", "2:3", "--output", folder.Path, "--quiet");
        Assert.True(run.ExitCode == 130, run.Error);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(new Uri(folder["quadratic_sweep_report.html"]).AbsoluteUri);

        await Expect(page.Locator("html[data-ready]")).ToHaveCountAsync(1);
        await Expect(page.Locator("header .badge")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#failure-h")).ToHaveTextAsync("The sweep was interrupted");
        await Expect(page.Locator("#failure-summary")).ToContainTextAsync("Interrupted after stage 1 of 2");
        await Expect(page.Locator("#failure-summary code")).ToHaveTextAsync(
            $"sweep run --scenario quadratic --stages A:x=0.1,0.3 B:n=3,4 --periods 10 --stability-tiers 2:3 --output {folder.Path} --quiet --resume");
        await Expect(page.Locator("#card-stages")).ToHaveTextAsync("1 of 2");
        await Expect(page.Locator("#final-h")).ToHaveTextAsync("Configuration after stage A");
        await Expect(page.Locator("#stage-1")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stage-2")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
