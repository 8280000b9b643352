using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 2, labour market: events #7–#12 of bam-model §2.2.</summary>
public static class LaborMarket
{
    /// <summary>
    /// #7 calc_inflation_rate.
    /// Reads: the P̄ history (t values P̄_0 … P̄_{t−1} at period t). Computes: with ≤ 4 values π = 0, else
    /// π = (P̄_{t−1} − P̄_{t−5}) / P̄_{t−5}, and 0 when that denominator is ≤ 0. Writes: appends π to the inflation history.
    /// </summary>
    public static void CalcInflationRate(Economy eco)
    {
        if (eco.PriceHistoryCount <= 4)
        {
            eco.AppendInflation(0.0);
            return;
        }

        double last = eco.PriceHistory(0), yearAgo = eco.PriceHistory(4);
        eco.AppendInflation(yearAgo <= 0.0 ? 0.0 : (last - yearAgo) / yearAgo);
    }

    /// <summary>
    /// #8 adjust_minimum_wage.
    /// Reads: n = length of the P̄ history (= t), the revision interval m, π just computed by #7.
    /// Computes: only when n &gt; m and (n − 1) mod m == 0 (t = 5, 9, 13, … for m = 4): ŵ = ŵ(1 + π).
    /// Writes: min_wage; wage := ŵ for every employed worker paid less. Wage offers are floored later, in #9.
    /// </summary>
    public static void AdjustMinimumWage(Economy eco, Worker wrk)
    {
        int n = eco.PriceHistoryCount, m = eco.MinWageRevPeriod;
        if (n <= m || (n - 1) % m != 0)
        {
            return;
        }

        double minWage = eco.MinWage * (1.0 + eco.Inflation);
        eco.MinWage = minWage;
        ReadOnlySpan<int> employer = wrk.Employer;
        Span<double> wage = wrk.Wage;
        for (int j = 0; j < wage.Length; j++)
        {
            if (employer[j] >= 0 && wage[j] < minWage)
            {
                wage[j] = minWage;
            }
        }
    }

    /// <summary>
    /// #9 firms_decide_wage_offer.
    /// Reads: wage_offer, n_vacancies, ŵ. Random: ξ_i ~ U(0, h_xi) for every firm, then ξ_i := 0 where V_i == 0.
    /// Computes: w = w(1 + ξ), then w = max(w, ŵ) for all firms. Writes: wage_offer.
    /// </summary>
    public static void FirmsDecideWageOffer(Employer emp, double minWage, double hXi, Rng rng)
    {
        Span<double> xi = emp.Shock;
        rng.FillUniform(xi, 0.0, hXi);

        Span<double> offer = emp.WageOffer;
        ReadOnlySpan<int> vacancies = emp.NVacancies;
        for (int i = 0; i < offer.Length; i++)
        {
            double shock = vacancies[i] == 0 ? 0.0 : xi[i];
            offer[i] = Math.Max(offer[i] * (1.0 + shock), minWage);
        }
    }

    /// <summary>
    /// #10 workers_decide_firms_to_apply.
    /// Reads: employer, employer_prev, contract_expired, fired, wage_offer, n_vacancies.
    /// Pool: every firm (all_firms) or the firms with V &gt; 0 (vacancies_only), ascending. No unemployed: every head
    /// := −1. Empty pool: the unemployed get empty queues. Otherwise M = min(max_M, pool size) and
    /// Random: for each unemployed worker (ascending) M distinct pool firms, uniformly (<see cref="SampleKPerRow"/>).
    /// Computes: the row sorted by wage offer descending, stable; a loyal worker (contract expired, not fired,
    /// previous employer in the pool) moves the previous employer to column 0 (shifting the others right; if it
    /// was not sampled, the last column drops out).
    /// Writes: job_apps_targets (rest −1), job_apps_head = j·max_M, contract_expired := fired := false for the
    /// unemployed, and the seeker index.
    /// </summary>
    public static void WorkersDecideFirmsToApply(Worker wrk, Employer emp, JobSearchMethod method, Rng rng)
    {
        int poolSize = BuildPool(wrk, emp, method);
        wrk.SeekerCount = 0;
        if (poolSize == 0)
        {
            ClearUnemployedQueues(wrk);
            return;
        }

        int nSeekers = CollectUnemployed(wrk.Employer, wrk.Seekers);
        wrk.SeekerCount = nSeekers;
        if (nSeekers == 0)
        {
            wrk.JobAppsHead.AsSpan().Fill(-1);
            return;
        }

        DrawApplicationQueues(wrk, emp.WageOffer, poolSize, rng);
        ApplyLoyaltyAndOpenQueues(wrk, Math.Min(wrk.MaxM, poolSize));
    }

    // The pool, ascending, and its membership flags. Returns the pool size.
    private static int BuildPool(Worker wrk, Employer emp, JobSearchMethod method)
    {
        int nFirms = emp.Count, poolSize = 0;
        Span<int> pool = wrk.Pool.AsSpan(0, nFirms);
        Span<bool> inPool = wrk.InPool.AsSpan(0, nFirms);
        ReadOnlySpan<int> vacancies = emp.NVacancies.AsSpan(0, nFirms);
        bool all = method == JobSearchMethod.AllFirms;
        for (int i = 0; i < pool.Length; i++)
        {
            bool member = all || vacancies[i] > 0;
            inPool[i] = member;
            pool[poolSize] = i;
            poolSize += Branchless.Bit(member);
        }

        return poolSize;
    }

    // Empty pool: every unemployed worker gets an empty queue and no head.
    private static void ClearUnemployedQueues(Worker wrk)
    {
        ReadOnlySpan<int> employer = wrk.Employer;
        Span<int> head = wrk.JobAppsHead, targets = wrk.JobAppsTargets;
        int maxM = wrk.MaxM;
        for (int j = 0; j < employer.Length; j++)
        {
            if (employer[j] < 0)
            {
                targets.Slice(j * maxM, maxM).Fill(-1);
                head[j] = -1;
            }
        }
    }

    // The unemployed workers, ascending. Returns how many.
    private static int CollectUnemployed(ReadOnlySpan<int> employer, Span<int> seekers)
    {
        int n = 0;
        for (int j = 0; j < employer.Length; j++)
        {
            seekers[n] = j;
            n += Branchless.Bit(employer[j] < 0);
        }

        return n;
    }

    // For each seeker in order: M distinct pool firms (the only draws of #10), sorted by wage offer descending.
    private static void DrawApplicationQueues(Worker wrk, ReadOnlySpan<double> offer, int poolSize, Rng rng)
    {
        int maxM = wrk.MaxM, m = Math.Min(maxM, poolSize);
        ReadOnlySpan<int> seekers = wrk.Seekers.AsSpan(0, wrk.SeekerCount), pool = wrk.Pool.AsSpan(0, poolSize);
        Span<int> targets = wrk.JobAppsTargets, perm = wrk.Perm.AsSpan(0, poolSize);
        SampleKPerRow.InitPermutation(perm);
        SampleKPerRow.DrawRows(seekers, targets, maxM, m, poolSize, default, perm, wrk.Undo, rng);
        bool identityPool = poolSize == offer.Length;
        foreach (int j in seekers)
        {
            Span<int> row = targets.Slice(j * maxM, m);
            if (!identityPool)
            {
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = pool[row[c]];
                }
            }

            SmallSort.ByKeyDescending(row, offer);
        }
    }

    // Loyalty (a worker whose contract expired, not fired, with the previous employer in the pool), the unused
    // columns, the head, and the flags reset for every seeker.
    private static void ApplyLoyaltyAndOpenQueues(Worker wrk, int m)
    {
        int maxM = wrk.MaxM;
        ReadOnlySpan<int> seekers = wrk.Seekers.AsSpan(0, wrk.SeekerCount), prevEmployer = wrk.EmployerPrev;
        ReadOnlySpan<bool> inPool = wrk.InPool;
        Span<int> targets = wrk.JobAppsTargets, head = wrk.JobAppsHead;
        Span<bool> expired = wrk.ContractExpired, fired = wrk.Fired;
        foreach (int j in seekers)
        {
            Span<int> queue = targets.Slice(j * maxM, maxM);
            int prev = prevEmployer[j];
            if (expired[j] && !fired[j] && prev >= 0 && inPool[prev])
            {
                PutFirst(queue[..m], prev);
            }

            queue[m..].Fill(-1);
            head[j] = j * maxM;
            expired[j] = false;
            fired[j] = false;
        }
    }

    /// <summary>
    /// #11 labor_market_round (run max_M times). Batch matching (§7.1 item 1).
    /// Reads: the seekers (unemployed, head ≥ 0, ascending), their queue entry at the head, n_vacancies at the
    /// start of the round. An application is valid when the target is ≥ 0 and has V &gt; 0. Every seeker's head
    /// advances (to −1 at the row end or after reading −1) and the slot read is set to −1.
    /// Random: <see cref="ResolveConflicts"/> over the valid applications (nothing when there are none).
    /// Writes, for each accepted worker: employer := firm, wage := wage_offer[firm], periods_left := θ,
    /// contract_expired := fired := false, the queue := −1, head := −1; current_labor += hires, n_vacancies −= hires.
    /// </summary>
    public static void LaborMarketRound(Worker wrk, Employer emp, int theta, Rng rng)
    {
        int maxM = wrk.MaxM, nApps = 0;
        Span<int> head = wrk.JobAppsHead, targets = wrk.JobAppsTargets, seekers = wrk.Seekers;
        Span<int> appWorker = wrk.AppWorker, appTarget = wrk.AppTarget, vacancies = emp.NVacancies;
        for (int s = 0; s < wrk.SeekerCount; s++)
        {
            int j = seekers[s], h = head[j];
            int target = targets[h];
            targets[h] = -1;
            head[j] = Branchless.Select((target < 0) | (h + 1 == (j + 1) * maxM), -1, h + 1);
            appWorker[nApps] = j;
            appTarget[nApps] = target;
            nApps += Branchless.Bit(target >= 0) & Branchless.Bit(vacancies[Math.Max(target, 0)] > 0);
        }

        if (nApps > 0)
        {
            ResolveConflicts.Resolve(appTarget, nApps, vacancies, wrk.Accepted, wrk.ConflictStart, wrk.ConflictOrder, rng);
            for (int a = 0; a < nApps; a++)
            {
                if (wrk.Accepted[a])
                {
                    Hire(wrk, emp, appWorker[a], appTarget[a], theta);
                }
            }
        }

        int kept = 0;
        for (int s = 0; s < wrk.SeekerCount; s++)
        {
            int j = seekers[s];
            seekers[kept] = j;
            kept += Branchless.Bit(head[j] >= 0);
        }

        wrk.SeekerCount = kept;
    }

    /// <summary>
    /// #12 firms_calc_wage_bill. Reads: employer, wage. Computes: W_i = Σ wage over workers with employer == i,
    /// in ascending worker order (0 without workers). Writes: wage_bill.
    /// </summary>
    public static void FirmsCalcWageBill(Employer emp, Worker wrk)
    {
        Span<double> bill = emp.WageBill;
        bill.Clear();
        ReadOnlySpan<int> employer = wrk.Employer;
        ReadOnlySpan<double> wage = wrk.Wage;
        for (int j = 0; j < employer.Length; j++)
        {
            if (employer[j] >= 0)
            {
                bill[employer[j]] += wage[j];
            }
        }
    }

    private static void Hire(Worker wrk, Employer emp, int j, int firm, int theta)
    {
        wrk.Employer[j] = firm;
        wrk.Wage[j] = emp.WageOffer[firm];
        wrk.PeriodsLeft[j] = theta;
        wrk.ContractExpired[j] = false;
        wrk.Fired[j] = false;
        wrk.JobAppsHead[j] = -1;
        wrk.JobAppsTargets.AsSpan(j * wrk.MaxM, wrk.MaxM).Fill(-1);
        emp.CurrentLabor[firm]++;
        emp.NVacancies[firm]--;
    }

    // Loyalty (#10): the previous employer goes to column 0; the entries before its old place shift right by one,
    // or, when it was not sampled, every entry shifts right and the last drops out.
    private static void PutFirst(Span<int> row, int firm)
    {
        int end = row.Length - 1;
        for (int c = 0; c < row.Length; c++)
        {
            if (row[c] == firm)
            {
                end = c;
                break;
            }
        }

        for (int k = end; k > 0; k--)
        {
            row[k] = row[k - 1];
        }

        row[0] = firm;
    }
}
