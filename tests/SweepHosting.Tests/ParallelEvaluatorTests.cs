using System.Collections.Concurrent;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepHosting.Evaluation;

namespace SweepHosting.Tests;

public sealed class ParallelEvaluatorTests
{
    [Fact]
    public async Task Scores_come_back_in_request_order_when_later_requests_finish_first()
    {
        // Seed 0 sleeps longest and seed 3 not at all, so with several workers the later requests finish first.
        var evaluator = new SleepyEvaluator();
        var heard = new ConcurrentQueue<int>();
        var parallel = new ParallelEvaluator(evaluator, workers: 4, onEvaluated: (request, _) => heard.Enqueue(request.Seed));
        var requests = Enumerable.Range(0, 4).Select(seed => new EvaluationRequest("quadratic", ParamSet.Empty, seed, 10)).ToList();

        var scores = await parallel.EvaluateAsync(requests, EvaluationPhase.Screening, CancellationToken.None);

        Assert.Equal([0.0, 0.1, 0.2, 0.3], scores.Select(s => s.TotalScore));
        Assert.Equal([0, 1, 2, 3], heard.Order());   // each evaluation heard exactly once
        Assert.Equal(4, parallel.Workers);
    }

    [Fact]
    public void Workers_default_to_the_processor_count()
    {
        Assert.Equal(Environment.ProcessorCount, new ParallelEvaluator(new SleepyEvaluator()).Workers);
    }

    private sealed class SleepyEvaluator : IScenarioEvaluator
    {
        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            Thread.Sleep((3 - request.Seed) * 30);
            return new EvaluationScore(request.Seed / 10.0, 1, 0, 0);
        }
    }
}
