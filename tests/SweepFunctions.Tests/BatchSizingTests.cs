using SweepFunctions.Orchestration;

namespace SweepFunctions.Tests;

/// <summary>Activity batches hold about three seconds of measured work, within the bounds of a retry, the cores and the history.</summary>
public sealed class BatchSizingTests
{
    [Fact]
    public void Before_any_measurement_a_batch_holds_the_configured_initial_size()
    {
        Assert.Equal(50, BatchSizing.For(1000, BatchTiming.None, initial: 50));
    }

    [Fact]
    public void Short_evaluations_make_batches_of_three_seconds_of_work()
    {
        // 2.5 ms per evaluation: 3 s / 0.0025 s = 1,200, capped at 1,000; 10,000 evaluations make 10 batches.
        Assert.Equal(1000, BatchSizing.For(10_000, new BatchTiming(2.5, 1000), initial: 50));
        // 10 ms per evaluation: 300.
        Assert.Equal(300, BatchSizing.For(10_000, new BatchTiming(1.0, 100), initial: 50));
    }

    [Fact]
    public void Long_evaluations_make_small_batches_below_the_initial_size()
    {
        // 0.2 s per evaluation: 15 per batch; 1.5 s per evaluation: 2; 10 s per evaluation: 1.
        Assert.Equal(15, BatchSizing.For(1000, new BatchTiming(20, 100), initial: 50));
        Assert.Equal(2, BatchSizing.For(1000, new BatchTiming(15, 10), initial: 50));
        Assert.Equal(1, BatchSizing.For(1000, new BatchTiming(100, 10), initial: 50));
    }

    [Fact]
    public void A_measured_call_is_cut_into_at_least_four_batches_of_at_least_three_quarters_of_a_second()
    {
        // 2.5 ms per evaluation wants 1,000, but 1,000 evaluations go as 4 batches of at most 300 (0.75 s each).
        Assert.Equal(300, BatchSizing.For(1000, new BatchTiming(2.5, 1000), initial: 50));
        // 1 s per evaluation: 8 evaluations go as 4 batches of 2.
        Assert.Equal(2, BatchSizing.For(8, new BatchTiming(10, 10), initial: 50));
        // 10 evaluations of 2.5 ms (25 ms of work) stay one batch, as do 3 before any measurement.
        Assert.Equal(10, BatchSizing.For(10, new BatchTiming(2.5, 1000), initial: 50));
        Assert.Equal(3, BatchSizing.For(3, BatchTiming.None, initial: 50));
    }

    [Fact]
    public void A_call_never_makes_more_than_four_thousand_batches_however_long_its_evaluations()
    {
        // 10 s per evaluation wants 1 per batch; 200,000 evaluations still go as 4,000 batches of 50.
        Assert.Equal(50, BatchSizing.For(200_000, new BatchTiming(100, 10), initial: 50));
        Assert.Equal(1, BatchSizing.For(4_000, new BatchTiming(100, 10), initial: 1));
        Assert.Equal(2, BatchSizing.For(4_001, new BatchTiming(100, 10), initial: 1));
    }

    [Fact]
    public void An_instant_evaluator_gets_the_largest_batch()
    {
        Assert.Equal(1000, BatchSizing.For(100_000, new BatchTiming(0, 5000), initial: 50));
    }

    [Fact]
    public void Timing_sums_seconds_and_evaluations()
    {
        var timing = BatchTiming.None.Add(1.5, 300).Add(0.5, 100);
        Assert.Equal(new BatchTiming(2.0, 400), timing);
        Assert.Equal(0.005, timing.SecondsPerEvaluation);
        Assert.Null(BatchTiming.None.SecondsPerEvaluation);
    }
}
