namespace BamModel.Algorithms;

/// <summary>
/// Stable insertion sorts of a few ids by a key (queue rows of 2–4 entries, credit groups). Ties keep their order
/// (bam-model §7.1 item 13); .NET's Array.Sort is not stable.
/// </summary>
public static class SmallSort
{
    /// <summary>Sorts <paramref name="ids"/> by <c>key[id]</c> ascending; on a tie the earlier id stays first.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void ByKeyAscending(Span<int> ids, ReadOnlySpan<double> key)
    {
        if (ids.Length == 2)
        {
            // Branch-free: the comparison is a coin flip for shop rows, which a branch predictor cannot learn.
            int a = ids[0], b = ids[1];
            bool swap = key[a] > key[b];
            ids[0] = Branchless.Select(swap, b, a);
            ids[1] = Branchless.Select(swap, a, b);
            return;
        }

        for (int i = 1; i < ids.Length; i++)
        {
            int x = ids[i];
            double kx = key[x];
            int j = i - 1;
            while (j >= 0 && key[ids[j]] > kx)
            {
                ids[j + 1] = ids[j];
                j--;
            }

            ids[j + 1] = x;
        }
    }

    /// <summary>Sorts <paramref name="ids"/> by <c>key[id]</c> descending; on a tie the earlier id stays first.</summary>
    public static void ByKeyDescending(Span<int> ids, ReadOnlySpan<double> key)
    {
        if (ids.Length == 4 && TryRankFourDescending(ids, key))
        {
            return;
        }

        for (int i = 1; i < ids.Length; i++)
        {
            int x = ids[i];
            double kx = key[x];
            int j = i - 1;
            while (j >= 0 && key[ids[j]] < kx)
            {
                ids[j + 1] = ids[j];
                j--;
            }

            ids[j + 1] = x;
        }
    }

    // Branch-free for the usual job queue (max_M = 4): each entry's place is the number of entries that go before
    // it (a larger key, or an equal key further left), and the row is written once. With a NaN key the places
    // need not form a permutation; then the row is left alone and the insertion sort runs instead.
    private static bool TryRankFourDescending(Span<int> ids, ReadOnlySpan<double> key)
    {
        int a = ids[0], b = ids[1], c = ids[2], d = ids[3];
        double ka = key[a], kb = key[b], kc = key[c], kd = key[d];
        int ra = Branchless.Bit(kb > ka) + Branchless.Bit(kc > ka) + Branchless.Bit(kd > ka);
        int rb = Branchless.Bit(ka >= kb) + Branchless.Bit(kc > kb) + Branchless.Bit(kd > kb);
        int rc = Branchless.Bit(ka >= kc) + Branchless.Bit(kb >= kc) + Branchless.Bit(kd > kc);
        int rd = Branchless.Bit(ka >= kd) + Branchless.Bit(kb >= kd) + Branchless.Bit(kc >= kd);
        if (((1 << ra) | (1 << rb) | (1 << rc) | (1 << rd)) != 0b1111)
        {
            return false;
        }

        ids[ra] = a;
        ids[rb] = b;
        ids[rc] = c;
        ids[rd] = d;
        return true;
    }
}
