namespace BamModel.Roles;

/// <summary>The household as a worker (bam-model §1.3): one value per household, indexed by household id.
/// A worker is employed exactly when <see cref="Employer"/> ≥ 0.</summary>
public sealed class Worker
{
    public Worker(int nHouseholds, int nFirms, int maxM)
    {
        Count = nHouseholds;
        MaxM = maxM;
        Employer = new int[nHouseholds];
        EmployerPrev = new int[nHouseholds];
        Wage = new double[nHouseholds];
        PeriodsLeft = new int[nHouseholds];
        ContractExpired = new bool[nHouseholds];
        Fired = new bool[nHouseholds];
        JobAppsTargets = new int[nHouseholds * maxM];
        JobAppsHead = new int[nHouseholds];
        Array.Fill(Employer, -1);
        Array.Fill(EmployerPrev, -1);
        Array.Fill(JobAppsTargets, -1);
        Array.Fill(JobAppsHead, -1);
        Seekers = new int[nHouseholds];
        AppWorker = new int[nHouseholds];
        AppTarget = new int[nHouseholds];
        Accepted = new bool[nHouseholds];
        ConflictStart = new int[nFirms + 1];
        ConflictOrder = new int[nHouseholds];
        Pool = new int[nFirms];
        InPool = new bool[nFirms];
        Perm = new int[nFirms];
        Row = new int[Math.Max(maxM, 1)];
        Undo = new int[Math.Max(maxM, 1)];
    }

    public int Count { get; }

    /// <summary>Columns of the job-application queue (max_M).</summary>
    public int MaxM { get; }

    /// <summary>Employer firm id, −1 = unemployed. Set by LaborMarketRound; −1 after firing, contract expiry or bankruptcy.</summary>
    public int[] Employer { get; }

    /// <summary>Previous employer (loyalty in job search), −1 = none. Set on firing and expiry; −1 when the firm went bankrupt.</summary>
    public int[] EmployerPrev { get; }

    /// <summary>Contracted wage, 0 when unemployed. Set at hiring, raised to the minimum wage by AdjustMinimumWage.</summary>
    public double[] Wage { get; }

    /// <summary>Contract periods remaining. θ at hiring, decremented by WorkersUpdateContracts.</summary>
    public int[] PeriodsLeft { get; }

    /// <summary>The contract ran out in the last production phase. Set by WorkersUpdateContracts; read and cleared by #10.</summary>
    public bool[] ContractExpired { get; }

    /// <summary>Fired for excess labour or lack of credit. Set by #6 and #19; read and cleared by #10.</summary>
    public bool[] Fired { get; }

    /// <summary>Row j (max_M columns): firm ids by descending wage offer, loyalty first; −1 = empty. Rebuilt by #10.</summary>
    public int[] JobAppsTargets { get; }

    /// <summary>Flat cursor into <see cref="JobAppsTargets"/> (j·max_M + column), −1 = none. Advanced by LaborMarketRound.</summary>
    public int[] JobAppsHead { get; }

    /// <summary>The unemployed workers whose queue is live (head ≥ 0), ascending id: the first <see cref="SeekerCount"/>
    /// entries of <see cref="Seekers"/>. An index over the state above, written by #10 and compacted by each #11.</summary>
    public int[] Seekers { get; }

    public int SeekerCount { get; set; }

    /// <summary>Rebuilds <see cref="Seekers"/> from the state (for hand-built states in tests).</summary>
    public void RebuildSeekers()
    {
        int n = 0;
        for (int j = 0; j < Count; j++)
        {
            if (Employer[j] < 0 && JobAppsHead[j] >= 0)
            {
                Seekers[n++] = j;
            }
        }

        SeekerCount = n;
    }

    // Scratch: not model state (job search and labour rounds).

    public int[] AppWorker { get; }

    public int[] AppTarget { get; }

    public bool[] Accepted { get; }

    public int[] ConflictStart { get; }

    public int[] ConflictOrder { get; }

    public int[] Pool { get; }

    public bool[] InPool { get; }

    public int[] Perm { get; }

    public int[] Row { get; }

    public int[] Undo { get; }
}
