namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 <c>resolve_conflicts</c>: applications to one target compete for its capacity, which is read
/// once (batch matching, §7.1 item 1). The original ranks each target's applicants by a random priority and
/// accepts the first <c>capacity</c>; that accepts a uniformly random subset of size min(applicants, capacity),
/// which is what this draws, by a partial Fisher–Yates shuffle of the over-subscribed groups only (DECISIONS.md).
/// </summary>
public static class ResolveConflicts
{
    /// <summary>
    /// Sets <c>accepted[a]</c> for applications a = 0 … n − 1 with target <c>target[a]</c> (≥ 0).
    /// Scratch: <paramref name="groupStart"/> (number of targets + 1) and <paramref name="order"/> (n).
    /// Random: one bounded integer per accepted application of an over-subscribed target.
    /// </summary>
    public static void Resolve(
        ReadOnlySpan<int> target, int n, ReadOnlySpan<int> capacity, Span<bool> accepted, Span<int> groupStart, Span<int> order, Rng rng)
    {
        int nTargets = groupStart.Length - 1;
        if (!AnyOverSubscribed(target[..n], capacity, groupStart))
        {
            // Every applicant fits: nothing to draw, and the grouping below would accept each one.
            for (int a = 0; a < n; a++)
            {
                accepted[a] = capacity[target[a]] > 0;
            }

            return;
        }

        GroupedRandomOrder.GroupByTarget(target[..n], groupStart, order);
        accepted[..n].Clear();
        Xoshiro256 g = rng.State;
        for (int t = 0; t < nTargets; t++)
        {
            int start = groupStart[t], count = groupStart[t + 1] - start, cap = capacity[t];
            if (count == 0 || cap <= 0)
            {
                continue;
            }

            Span<int> group = order.Slice(start, count);
            int take = Math.Min(cap, count);
            for (int c = 0; c < take; c++)
            {
                int a = count > cap ? GroupedRandomOrder.DrawNext(group, c, ref g) : group[c];
                accepted[a] = true;
            }
        }

        rng.State = g;
    }

    // Counts the applications per target (in groupStart[t + 1], which GroupByTarget recounts) and tells whether
    // any target has more applicants than capacity.
    private static bool AnyOverSubscribed(ReadOnlySpan<int> target, ReadOnlySpan<int> capacity, Span<int> count)
    {
        count.Clear();
        foreach (int t in target)
        {
            count[t + 1]++;
        }

        int over = 0;
        foreach (int t in target)
        {
            over |= Branchless.Bit(count[t + 1] > capacity[t]);
        }

        return over != 0;
    }
}
