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
            ids[0] = swap ? b : a;
            ids[1] = swap ? a : b;
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
}
