using BamModel.Roles;

namespace BamModel.Events;

/// <summary>The worker-side updates shared by the layoff events (#6, #19, #24, #34).</summary>
public static class Layoffs
{
    /// <summary>Fired (#6, #19): employer := −1, employer_prev := firm, wage := 0, periods_left := 0, fired := true.</summary>
    public static void Fire(Worker wrk, int j, int firm)
    {
        wrk.Employer[j] = -1;
        wrk.EmployerPrev[j] = firm;
        wrk.Wage[j] = 0.0;
        wrk.PeriodsLeft[j] = 0;
        wrk.ContractExpired[j] = false;
        wrk.Fired[j] = true;
    }
}
