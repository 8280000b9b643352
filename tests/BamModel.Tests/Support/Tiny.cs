namespace BamModel.Tests.Support;

/// <summary>Small hand-built economies for event tests: a real <see cref="Simulation"/> whose arrays a test then sets.</summary>
internal static class Tiny
{
    public static Simulation Economy(int firms = 2, int households = 3, int banks = 1, int maxM = 2, int maxH = 2, int maxZ = 2, int seed = 7) =>
        new(new SimulationConfig { NFirms = firms, NHouseholds = households, NBanks = banks, MaxM = maxM, MaxH = maxH, MaxZ = maxZ, Seed = seed });

    /// <summary>Makes worker <paramref name="j"/> an employee of <paramref name="firm"/> at <paramref name="wage"/>.</summary>
    public static void Employ(Simulation sim, int j, int firm, double wage, int periodsLeft = 4)
    {
        sim.Worker.Employer[j] = firm;
        sim.Worker.Wage[j] = wage;
        sim.Worker.PeriodsLeft[j] = periodsLeft;
        sim.Employer.CurrentLabor[firm]++;
    }

    /// <summary>Gives worker <paramref name="j"/> the job-application queue <paramref name="firms"/> (rest −1).</summary>
    public static void Queue(Simulation sim, int j, params int[] firms)
    {
        int maxM = sim.Worker.MaxM;
        var row = sim.Worker.JobAppsTargets.AsSpan(j * maxM, maxM);
        row.Fill(-1);
        firms.CopyTo(row);
        sim.Worker.JobAppsHead[j] = j * maxM;
    }
}
