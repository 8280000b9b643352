using System.Diagnostics;
using BamModel.Events;

namespace BamModel.Bench;

/// <summary>Times single events on a warmed-up default economy (fastest of many repetitions), for tuning.</summary>
internal static class MicroLoop
{
    public static void Run()
    {
        var sim = new Simulation(new SimulationConfig());
        for (int t = 0; t < 300; t++)
        {
            sim.Step();
        }

        Time("Step (whole period)", () => sim.Step());
        Time("Rng.NextInt x 1000", () => { int s = 0; for (int i = 0; i < 1000; i++) { s += sim.Rng.NextInt(100); } Sink(s); });
        Time("Xoshiro256 local NextInt x 1000", () => { var g = sim.Rng.State; int s = 0; for (int i = 0; i < 1000; i++) { s += g.NextInt(100); } sim.Rng.State = g; Sink(s); });
        Time("DetMath.Tanh x 500", () => { double s = 0; for (int i = 0; i < 500; i++) { s += DetMath.Tanh(i * 0.004); } Sink(s); });
        double[] wages = [.. sim.Worker.Wage.Where(w => w > 0)];
        double[] scratch = new double[wages.Length];
        Time($"TrimMean of {wages.Length} wages", () => { wages.CopyTo(scratch, 0); Sink(Algorithms.TrimMean.ComputeInplace(scratch)); });
        Time("GoodsMarketRound-like shuffle 500", () => { var g = sim.Rng.State; var b = sim.Consumer.Buyers; for (int i = 499; i > 0; i--) { int k = g.NextInt(i + 1); (b[i], b[k]) = (b[k], b[i]); } sim.Rng.State = g; });
        Time("Shuffle 500 (static method)", () => Shuffle(sim.Consumer.Buyers.AsSpan(0, 500), sim.Rng));
        Time("ConsumersCalcPropensity", () => GoodsMarket.ConsumersCalcPropensity(sim.Consumer, 2.5));
        Time("ConsumersDecideIncomeToSpend", () => GoodsMarket.ConsumersDecideIncomeToSpend(sim.Consumer));
        sim.Consumer.IncomeToSpend.AsSpan().Fill(1.0);
        Time("ConsumersDecideFirmsToVisit", () => GoodsMarket.ConsumersDecideFirmsToVisit(sim.Consumer, sim.Producer, ConsumerMatching.Loyalty, sim.Rng));
        Time("FirmsCalcWageBill", () => LaborMarket.FirmsCalcWageBill(sim.Employer, sim.Worker));
        Time("WorkersReceiveWage", () => Production.WorkersReceiveWage(sim.Worker, sim.Consumer));
        for (int j = 0; j < 90; j++)
        {
            sim.Worker.Employer[j * 5] = -1;
        }

        Time("WorkersDecideFirmsToApply (90 seekers)", () => LaborMarket.WorkersDecideFirmsToApply(sim.Worker, sim.Employer, JobSearchMethod.AllFirms, sim.Rng));
    }

    private static void Time(string name, Action action)
    {
        for (int i = 0; i < 2000; i++)
        {
            action();
        }

        double best = double.MaxValue;
        for (int rep = 0; rep < 50; rep++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 100; i++)
            {
                action();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / 100);
        }

        Console.WriteLine($"{name,-45} {best,8:F2} us");
    }

    private static void Shuffle(Span<int> b, Rng rng)
    {
        var g = rng.State;
        for (int i = b.Length - 1; i > 0; i--)
        {
            int k = g.NextInt(i + 1);
            (b[i], b[k]) = (b[k], b[i]);
        }

        rng.State = g;
    }

    private static void Sink<T>(T value) => GC.KeepAlive(value);
}
