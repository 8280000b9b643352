using BamModel.Algorithms;

namespace BamModel.Tests;

public class AlgorithmTests
{
    [Fact]
    public void Rng_SameSeed_SameStream_DifferentSeed_DifferentStream()
    {
        var a = new Rng(123);
        var b = new Rng(123);
        var c = new Rng(124);

        Assert.Equal(a.NextUInt64(), b.NextUInt64());
        Assert.NotEqual(a.NextUInt64(), c.NextUInt64());
    }

    [Fact]
    public void Rng_NextDouble_InUnitInterval_MeanOneHalf()
    {
        var rng = new Rng(1);
        double sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            sum += u;
        }

        Assert.Equal(0.5, sum / 100_000, 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100)]
    public void Rng_NextInt_UniformOverTheRange(int n)
    {
        var rng = new Rng(2);
        var counts = new int[n];
        int draws = 20_000 * n;
        for (int i = 0; i < draws; i++)
        {
            counts[rng.NextInt(n)]++;
        }

        Assert.All(counts, k => Assert.InRange(k, 19_000, 21_000));
    }

    [Fact]
    public void Rng_Exponential_MeanIsTheScale()
    {
        var rng = new Rng(3);
        double sum = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sum += rng.Exponential(0.02);
        }

        Assert.Equal(0.02, sum / 200_000, 3);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-300)]
    [InlineData(0.003)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(-3.7)]
    [InlineData(20.0)]
    [InlineData(700.0)]
    [InlineData(-740.0)]
    public void DetMath_Exp_MatchesMathExpToAFewUlp(double x)
    {
        double expected = Math.Exp(x);

        Assert.Equal(expected, DetMath.Exp(x), Math.Abs(expected) * 4e-16);
    }

    [Theory]
    [InlineData(1e-310)]
    [InlineData(1e-5)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(1.4142)]
    [InlineData(123456.789)]
    public void DetMath_Log_MatchesMathLogToAFewUlp(double x)
    {
        double expected = Math.Log(x);

        Assert.Equal(expected, DetMath.Log(x), Math.Max(Math.Abs(expected), 1.0) * 4e-16);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.001)]
    [InlineData(0.004)]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(-1.5)]
    [InlineData(30.0)]
    public void DetMath_Tanh_MatchesMathTanh(double x)
    {
        Assert.Equal(Math.Tanh(x), DetMath.Tanh(x), 1e-15);
    }

    [Fact]
    public void DetMath_VectorKernels_GiveTheScalarBits()
    {
        var random = new Random(4);
        for (int rep = 0; rep < 20_000; rep++)
        {
            double[] x = [.. Enumerable.Range(0, 4).Select(_ => random.NextDouble() * (rep % 3 == 0 ? 0.01 : 30.0))];
            var v = System.Runtime.Intrinsics.Vector256.Create(x);
            int halves = rep % 21;

            var tanh = DetMath.TanhNonNegative(v);
            var pow = DetMath.PowHalfInteger(tanh, halves);

            for (int lane = 0; lane < 4; lane++)
            {
                double t = DetMath.TanhNonNegative(x[lane]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(t), BitConverter.DoubleToInt64Bits(tanh[lane]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(DetMath.PowHalfInteger(t, halves)), BitConverter.DoubleToInt64Bits(pow[lane]));
            }
        }
    }

    [Fact]
    public void ConsumersCalcPropensity_VectorAndScalarPaths_Agree()
    {
        var random = new Random(5);
        var sim = Support.Tiny.Economy(households: 103);
        for (int j = 0; j < 103; j++)
        {
            sim.Consumer.Savings[j] = random.NextDouble() * 5 - 0.5;
        }

        double[] expected = new double[103];
        double mean = Math.Max(PairwiseSum.Mean(sim.Consumer.Savings), Constants.Eps);
        for (int j = 0; j < 103; j++)
        {
            double t = DetMath.TanhNonNegative(Math.Max(sim.Consumer.Savings[j], 0.0) * (1.0 / mean));
            expected[j] = 1.0 / (1.0 + DetMath.PowHalfInteger(t, 5));
        }

        Events.GoodsMarket.ConsumersCalcPropensity(sim.Consumer, beta: 2.5);

        Assert.Equal(expected, sim.Consumer.Propensity);
    }

    [Theory]
    [InlineData(0.8, 2.5)]
    [InlineData(0.8, 0.0)]
    [InlineData(0.3, 10.0)]
    [InlineData(0.3, 1.7)]
    [InlineData(0.0, 2.5)]
    [InlineData(0.0, 0.0)]
    public void DetMath_PowNonNegative_MatchesMathPow(double x, double y)
    {
        Assert.Equal(Math.Pow(x, y), DetMath.PowNonNegative(x, y), 1e-15);
    }

    [Theory]
    [InlineData(4, 100, -1)]
    [InlineData(4, 5, -1)]       // Fisher–Yates path (k² > pool)
    [InlineData(2, 10, 7)]       // forced column 0
    [InlineData(5, 6, 2)]
    public void SampleKPerRow_DistinctIndicesInRange_ForcedFirst(int k, int pool, int forced)
    {
        var rng = new Rng(5).State;
        var perm = new int[pool];
        SampleKPerRow.InitPermutation(perm);
        var row = new int[k];
        var undo = new int[k];
        for (int rep = 0; rep < 500; rep++)
        {
            SampleKPerRow.DrawRow(row, k, pool, forced, perm, undo, ref rng);

            Assert.Equal(k, row.Distinct().Count());
            Assert.All(row, x => Assert.InRange(x, 0, pool - 1));
            if (forced >= 0)
            {
                Assert.Equal(forced, row[0]);
            }
        }

        Assert.Equal(Enumerable.Range(0, pool), perm);   // the permutation is restored
    }

    [Theory]
    [InlineData(2, 10)]
    [InlineData(4, 5)]
    public void SampleKPerRow_EveryIndexEquallyLikelyInEveryColumn(int k, int pool)
    {
        var rng = new Rng(6).State;
        var perm = new int[pool];
        SampleKPerRow.InitPermutation(perm);
        var row = new int[k];
        var counts = new int[k, pool];
        for (int rep = 0; rep < 50_000; rep++)
        {
            SampleKPerRow.DrawRow(row, k, pool, -1, perm, new int[k], ref rng);
            for (int c = 0; c < k; c++)
            {
                counts[c, row[c]]++;
            }
        }

        foreach (int count in counts)
        {
            Assert.InRange(count, 50_000 / pool * 0.95, 50_000 / pool * 1.05);
        }
    }

    [Fact]
    public void SampleKPerRow_KAtLeastPool_IdentityWithoutDrawing()
    {
        var rng = new Rng(8).State;
        var before = rng;
        var row = new int[3];

        SampleKPerRow.DrawRow(row, 3, 3, -1, new int[3], new int[3], ref rng);

        Assert.Equal([0, 1, 2], row);
        Assert.Equal(before.NextUInt64(), rng.NextUInt64());
    }

    [Fact]
    public void ResolveConflicts_AcceptsUpToCapacityPerTarget()
    {
        int[] target = [0, 1, 0, 0, 1, 2];
        int[] capacity = [2, 5, 0];
        var accepted = new bool[6];

        ResolveConflicts.Resolve(target, 6, capacity, accepted, new int[4], new int[6], new Rng(9));

        Assert.Equal(2, new[] { 0, 2, 3 }.Count(a => accepted[a]));
        Assert.True(accepted[1] && accepted[4]);
        Assert.False(accepted[5]);
    }

    [Fact]
    public void SmallSort_Stable_TiesKeepTheirOrder()
    {
        double[] key = [3.0, 1.0, 3.0, 2.0, 1.0];
        int[] ids = [0, 1, 2, 3, 4];
        int[] desc = [0, 1, 2, 3, 4];

        SmallSort.ByKeyAscending(ids, key);
        SmallSort.ByKeyDescending(desc, key);

        Assert.Equal([1, 4, 3, 0, 2], ids);
        Assert.Equal([0, 2, 3, 1, 4], desc);
    }

    [Theory]
    [InlineData(new[] { 5.0, 7.0, 5.0, 7.0 }, new[] { 1, 3, 0, 2 })]   // ties keep their order
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { 3, 2, 1, 0 })]
    [InlineData(new[] { 4.0, 3.0, 2.0, 1.0 }, new[] { 0, 1, 2, 3 })]
    [InlineData(new[] { 2.0, 2.0, 2.0, 2.0 }, new[] { 0, 1, 2, 3 })]
    [InlineData(new[] { 3.0, 9.0, 1.0, 9.0 }, new[] { 1, 3, 0, 2 })]
    public void SmallSort_RowOfFour_Descending_IsStable(double[] key, int[] expected)
    {
        int[] ids = [0, 1, 2, 3];

        SmallSort.ByKeyDescending(ids, key);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void SmallSort_RowOfFour_WithNaNKey_KeepsEveryId()
    {
        double[] key = [2.0, double.NaN, 3.0, 1.0];
        int[] ids = [0, 1, 2, 3];

        SmallSort.ByKeyDescending(ids, key);

        Assert.Equal([0, 1, 2, 3], ids.Order());
    }

    [Theory]
    [InlineData(true, 4, 9, 4)]
    [InlineData(false, 4, 9, 9)]
    [InlineData(true, -1, int.MaxValue, -1)]
    public void Branchless_Select_Int_PicksByCondition(bool condition, int whenTrue, int whenFalse, int expected)
    {
        Assert.Equal(expected, Branchless.Select(condition, whenTrue, whenFalse));
    }

    [Fact]
    public void Branchless_Select_Double_KeepsTheBits()
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Branchless.Select(true, -0.0, 1.5)));
        Assert.Equal(1.5, Branchless.Select(false, -0.0, 1.5));
        Assert.True(double.IsNaN(Branchless.Select(true, double.NaN, 1.5)));
    }

    [Theory]
    [InlineData(2, 100, true)]    // two columns, a loyal firm or none (-1) forced
    [InlineData(2, 100, false)]   // two columns, nothing forced
    [InlineData(2, 3, true)]      // two columns from a small pool: Fisher-Yates
    [InlineData(4, 100, false)]   // rejection
    [InlineData(4, 6, false)]     // Fisher-Yates
    [InlineData(3, 3, false)]     // the whole pool, no draw
    public void SampleKPerRow_DrawRows_SameRowsAndStreamAsRowByRow(int k, int pool, bool forced)
    {
        // 300 rows (enough for some redraws with 100 firms), every third owner left out, every fourth forced to none.
        const int stride = 5, nOwners = 450;
        int[] owners = [.. Enumerable.Range(0, nOwners).Where(o => o % 3 != 1)];
        int[] forcedIds = forced ? [.. Enumerable.Range(0, nOwners).Select(o => o % 4 == 0 ? -1 : o % pool)] : [];
        var batchRows = Enumerable.Repeat(-1, nOwners * stride).ToArray();
        var singleRows = Enumerable.Repeat(-1, nOwners * stride).ToArray();
        var perm = new int[pool];
        SampleKPerRow.InitPermutation(perm);
        var batchRng = new Rng(11);
        var single = new Rng(11).State;

        SampleKPerRow.DrawRows(owners, batchRows, stride, k, pool, forcedIds, perm, new int[k], batchRng);
        foreach (int owner in owners)
        {
            int f = forced ? forcedIds[owner] : -1;
            SampleKPerRow.DrawRow(singleRows.AsSpan(owner * stride), k, pool, f, perm, new int[k], ref single);
        }

        Assert.Equal(singleRows, batchRows);
        Assert.Equal(single.NextUInt64(), batchRng.NextUInt64());
        Assert.Equal(Enumerable.Range(0, pool), perm);
    }

    [Theory]
    [InlineData(2, 100)]   // two columns by rejection
    [InlineData(4, 100)]   // rejection
    [InlineData(4, 6)]     // Fisher-Yates
    [InlineData(3, 3)]     // the whole pool, no draw
    public void SampleKPerRow_DrawRowsWithSink_HandsEachFinishedRowOverInOwnerOrder(int k, int pool)
    {
        const int stride = 4;
        int[] owners = [7, 2, 9, 0];
        var rows = new int[10 * stride];
        var perm = new int[pool];
        SampleKPerRow.InitPermutation(perm);
        var sink = new RowCopies([]);

        SampleKPerRow.DrawRows(owners, rows, stride, k, pool, [], perm, new int[k], new Rng(5), ref sink);

        Assert.Equal(owners, sink.Seen.Select(s => s.Owner));
        Assert.All(sink.Seen, s => Assert.Equal(rows.AsSpan(s.Owner * stride, Math.Min(k, pool)).ToArray(), s.Row));
    }

    private readonly struct RowCopies(List<(int Owner, int[] Row)> seen) : IRowSink
    {
        public List<(int Owner, int[] Row)> Seen { get; } = seen;

        public void Take(int owner, Span<int> row) => Seen.Add((owner, row.ToArray()));
    }

    [Fact]
    public void ResolveConflicts_NoTargetOverSubscribed_AcceptsAllWithoutDrawing()
    {
        int[] target = [0, 1, 0, 2];
        int[] capacity = [2, 1, 3];
        var accepted = new bool[4];
        var rng = new Rng(12);
        ulong next = new Rng(12).NextUInt64();

        ResolveConflicts.Resolve(target, 4, capacity, accepted, new int[4], new int[4], rng);

        Assert.Equal([true, true, true, true], accepted);
        Assert.Equal(next, rng.NextUInt64());
    }

    [Fact]
    public void Rng_FillUniform_SameStreamAsUniformOneByOne()
    {
        var batch = new Rng(13);
        var single = new Rng(13);
        var filled = new double[7];

        batch.FillUniform(filled, 0.0, 0.1);

        Assert.Equal(Enumerable.Range(0, 7).Select(_ => single.Uniform(0.0, 0.1)), filled);
        Assert.Equal(single.NextUInt64(), batch.NextUInt64());
    }

    // 1e16 + 1 rounds back to 1e16 (half to even), so a single running sum never moves off 1e16 while NumPy's
    // eight sums collect the ones apart from it.
    [Fact]
    public void PairwiseSum_FewerThanEight_AddsOneAfterAnother()
    {
        Assert.Equal(1e16, PairwiseSum.Sum([1e16, 1, 1, 1, 1, 1, 1]));
    }

    // n = 16: sum 0 holds 1e16 and one 1 (lost), sums 1..7 hold 2 each: ((1e16 + 2) + 4) + 8.
    // n = 11: the eight sums give 1e16 + 6; the three tail ones, added one by one, round 1e16 + 7 up to + 8 and stay.
    // n = 136 splits at 64: the first half gives 1e16 + 56 (seven ones lost in sum 0), the second half 72.
    [Theory]
    [InlineData(16, 10000000000000014.0)]
    [InlineData(11, 10000000000000008.0)]
    [InlineData(136, 10000000000000128.0)]
    public void PairwiseSum_EightRunningSums_TailOneByOne_HalvesAbove128(int n, double expected)
    {
        double[] values = [1e16, .. Enumerable.Repeat(1.0, n - 1)];

        Assert.Equal(expected, PairwiseSum.Sum(values));
    }

    [Fact]
    public void PairwiseSum_Empty_IsNegativeZero_NaNPropagates()
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(PairwiseSum.Sum([])));
        double[] values = [.. Enumerable.Range(0, 300).Select(i => (double)i)];
        values[217] = double.NaN;
        Assert.True(double.IsNaN(PairwiseSum.Sum(values)));
        Assert.Equal(3.5, PairwiseSum.Mean([1, 2, 3, 4, 5, 6]));
    }
}
