using System.Text.Json;
using SweepDomain.Evaluation;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>A host that runs one stage at a time, recalling earlier scores, gets exactly what one sweep-long run gets.</summary>
public class StageByStageTests
{
    [Fact]
    public async Task Stages_run_apart_with_recalled_scores_match_the_whole_sweep_to_the_last_count()
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = [new("A:x=0.1,0.3,0.5"), new("B:n=3,4"), new("C:x=0.3,0.5 n=4")],
            Periods = 50,
            StabilityTiers = "2:3,1:5",
            CrossScenario = TestScenarios.Other,
            CrossSeeds = 4,
        }, TestScenarios.Catalog, errors)!;
        Assert.True(errors.IsEmpty, errors.ToString());
        var whole = await new SweepEngine(new RecordingEvaluator()).RunAsync(plan);

        var archive = new List<ScoredRequest>();
        var incumbent = plan.Base;
        int requested = 0, executed = 0;
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            var memo = new EvaluationMemo(new ArchivingEvaluator(archive), plan.Schemas, requested, executed);
            foreach (var known in StageRecall.Relevant(plan, i, incumbent, archive))
            {
                memo.Remember(known.Request, known.Score);
            }

            var outcome = await new StageRunner(memo).RunAsync(plan, i, incumbent);

            Assert.Equal(Json(whole.Stages[i]), Json(outcome));
            (requested, executed, incumbent) = (memo.Requested, memo.Executed, outcome.Result.WinnerParams);
        }

        Assert.Equal((whole.EvaluationsRequested, whole.EvaluationsExecuted), (requested, executed));
        // A asks 13 + 8 cross (17 run: the winner's main seeds 0-3 are known); B asks 21, and its incumbent (A's winner,
        // seeds 0-4) and its winner's main seeds are known: 12 run. C's incumbent {x: 0.3, n: 4} is B's winner and
        // stays on top, so C asks 2 + 2 × 2 + 1 × 2 + 8 cross = 16 and runs only {x: 0.5, n: 4} on seeds 0-2.
        Assert.Equal((58, 32), (whole.EvaluationsRequested, whole.EvaluationsExecuted));
        Assert.Equal((16, 3), (whole.Stages[2].Result.EvaluationsRequested, whole.Stages[2].Result.EvaluationsExecuted));
    }

    private static string Json(StageOutcome outcome) => JsonSerializer.Serialize(outcome, SweepReport.JsonOptions);

    private sealed class ArchivingEvaluator(List<ScoredRequest> archive) : IEvaluator
    {
        public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
        {
            var scores = requests.Select(TestScenarios.Score).ToList();
            archive.AddRange(requests.Zip(scores, (r, s) => new ScoredRequest(r, s)));
            return Task.FromResult<IReadOnlyList<EvaluationScore>>(scores);
        }
    }
}
