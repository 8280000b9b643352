using SweepHosting.Evaluation.Protocol;
using Xunit;

namespace SweepHosting.Tests;

public class ChunkSizingTests
{
    [Fact]
    public void Before_any_measurement_a_worker_takes_one_evaluation()
    {
        Assert.Equal(1, ChunkSizing.Next(remaining: 480, workers: 2, secondsPerEvaluation: 0));
    }

    [Fact]
    public void A_model_of_35_ms_gets_chunks_of_about_a_tenth_of_a_second()
    {
        // 0.1 s / 0.035 s = 2.86 → 2; the share (480 / 8 = 60) does not bind.
        Assert.Equal(2, ChunkSizing.Next(remaining: 480, workers: 2, secondsPerEvaluation: 0.035));
    }

    [Fact]
    public void A_fast_model_gets_large_chunks_up_to_32()
    {
        Assert.Equal(32, ChunkSizing.Next(remaining: 10_000, workers: 2, secondsPerEvaluation: 0.0001));
    }

    [Fact]
    public void Near_the_end_of_a_batch_chunks_shrink_to_a_quarter_of_an_equal_share()
    {
        // 20 left on 2 workers: ceil(20 / 8) = 3, though the model's speed would allow 32.
        Assert.Equal(3, ChunkSizing.Next(remaining: 20, workers: 2, secondsPerEvaluation: 0.0001));
        Assert.Equal(1, ChunkSizing.Next(remaining: 1, workers: 2, secondsPerEvaluation: 0.0001));
    }

    [Fact]
    public void A_model_slower_than_the_target_gets_one_evaluation_at_a_time()
    {
        Assert.Equal(1, ChunkSizing.Next(remaining: 480, workers: 2, secondsPerEvaluation: 2.5));
    }
}
