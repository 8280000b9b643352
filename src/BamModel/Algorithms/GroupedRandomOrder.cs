namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 "random order within groups" (#6, #19): items grouped by key (ascending key, then ascending
/// item), then a uniform random order inside each group. The original sorts by (group, random priority); drawing
/// the order lazily by partial Fisher–Yates gives the same distribution and stops as soon as the caller has
/// enough (DECISIONS.md).
/// </summary>
public static class GroupedRandomOrder
{
    /// <summary>
    /// Counting sort of items 0 … n − 1 by <c>key[item]</c> (keys &lt; 0, or keys not <paramref name="selected"/>,
    /// are left out). Group g is <c>items[groupStart[g] .. groupStart[g + 1]]</c>, items ascending.
    /// Returns the number of items grouped. <paramref name="groupStart"/> has one entry per key plus one.
    /// </summary>
    public static int GroupByKey(ReadOnlySpan<int> key, ReadOnlySpan<bool> selected, Span<int> groupStart, Span<int> items)
    {
        int nKeys = groupStart.Length - 1;
        groupStart.Clear();
        for (int i = 0; i < key.Length; i++)
        {
            int g = key[i];
            if (g >= 0 && selected[g])
            {
                groupStart[g + 1]++;
            }
        }

        for (int g = 0; g < nKeys; g++)
        {
            groupStart[g + 1] += groupStart[g];
        }

        for (int i = 0; i < key.Length; i++)
        {
            int g = key[i];
            if (g >= 0 && selected[g])
            {
                items[groupStart[g]++] = i;
            }
        }

        return ShiftBack(groupStart);
    }

    /// <summary>The same counting sort over every item (all keys ≥ 0 and selected): item positions grouped by target.</summary>
    public static int GroupByTarget(ReadOnlySpan<int> key, Span<int> groupStart, Span<int> items)
    {
        int nKeys = groupStart.Length - 1;
        groupStart.Clear();
        for (int i = 0; i < key.Length; i++)
        {
            groupStart[key[i] + 1]++;
        }

        for (int g = 0; g < nKeys; g++)
        {
            groupStart[g + 1] += groupStart[g];
        }

        for (int i = 0; i < key.Length; i++)
        {
            items[groupStart[key[i]]++] = i;
        }

        return ShiftBack(groupStart);
    }

    /// <summary>
    /// Position <paramref name="c"/> of a uniform random order of <paramref name="group"/>, given that positions
    /// 0 … c − 1 were drawn by earlier calls: swaps a uniformly chosen item of <c>group[c ..]</c> into place c and
    /// returns it. Random: one bounded integer (none for the last item).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int DrawNext(Span<int> group, int c, ref Xoshiro256 rng)
    {
        int j = c + rng.NextInt(group.Length - c);
        (group[c], group[j]) = (group[j], group[c]);
        return group[c];
    }

    // After the fill pass groupStart[g] holds the end of group g; shift right by one to restore the starts.
    private static int ShiftBack(Span<int> groupStart)
    {
        int nKeys = groupStart.Length - 1;
        int total = nKeys > 0 ? groupStart[nKeys - 1] : 0;
        for (int g = nKeys; g > 0; g--)
        {
            groupStart[g] = groupStart[g - 1];
        }

        groupStart[0] = 0;
        return total;
    }
}
