using System.Runtime.CompilerServices;

namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 <c>sample_k_per_row</c>, one row at a time: k distinct indices from [0, nPool) in a uniform
/// random order, with an optional forced index in column 0. The original draws a whole matrix and redraws the
/// rows holding duplicates. Here a short row against a large pool is redrawn the same way (whole row, until it
/// has no duplicate); otherwise a partial Fisher–Yates shuffle, which always terminates, gives the same
/// distribution: a uniform ordered k-subset, the forced element first (DECISIONS.md).
/// </summary>
public static class SampleKPerRow
{
    /// <summary>
    /// One row per owner, in the order given: <c>rows[owner · stride ..]</c> filled as <see cref="DrawRow"/> fills
    /// it, with the forced index <c>forced[owner]</c> (none when <paramref name="forced"/> is empty). The same draws
    /// in the same order as calling <see cref="DrawRow"/> owner by owner; the method is chosen once for all rows
    /// and the generator state stays in registers.
    /// </summary>
    public static void DrawRows(
        ReadOnlySpan<int> owners, Span<int> rows, int stride, int k, int nPool, ReadOnlySpan<int> forced, Span<int> perm, Span<int> undo, Rng rng)
    {
        var none = default(NoRowSink);
        DrawRows(owners, rows, stride, k, nPool, forced, perm, undo, rng, ref none);
    }

    /// <summary>
    /// <see cref="DrawRows(ReadOnlySpan{int}, Span{int}, int, int, int, ReadOnlySpan{int}, Span{int}, Span{int}, Rng)"/>,
    /// handing each row to <paramref name="sink"/> as soon as it is drawn (while it is still in registers and L1),
    /// so that a caller's per-row work needs no second pass. The draws are the same.
    /// </summary>
    public static void DrawRows<TSink>(
        ReadOnlySpan<int> owners, Span<int> rows, int stride, int k, int nPool, ReadOnlySpan<int> forced, Span<int> perm, Span<int> undo, Rng rng,
        ref TSink sink)
        where TSink : struct, IRowSink
    {
        Xoshiro256 g = rng.State;
        bool hasForced = !forced.IsEmpty;
        if (k == 2 && DrawsByRejection(k, nPool))
        {
            // The shop rows of the default max_Z = 2: the rejection loop below, unrolled for two columns.
            foreach (int owner in owners)
            {
                int first = hasForced ? forced[owner] : -1, second;
                if (first >= 0)
                {
                    do
                    {
                        second = g.NextInt(nPool);
                    }
                    while (second == first);
                }
                else
                {
                    do
                    {
                        first = g.NextInt(nPool);
                        second = g.NextInt(nPool);
                    }
                    while (second == first);
                }

                rows[owner * stride] = first;
                rows[(owner * stride) + 1] = second;
                sink.Take(owner, rows.Slice(owner * stride, 2));
            }
        }
        else if (DrawsByRejection(k, nPool))
        {
            foreach (int owner in owners)
            {
                DrawRowByRejection(rows.Slice(owner * stride, k), nPool, hasForced ? forced[owner] : -1, ref g);
                sink.Take(owner, rows.Slice(owner * stride, k));
            }
        }
        else
        {
            foreach (int owner in owners)
            {
                g = DrawRowByShuffle(rows.Slice(owner * stride), k, nPool, hasForced ? forced[owner] : -1, perm, undo, g);
                sink.Take(owner, rows.Slice(owner * stride, Math.Min(k, nPool)));
            }
        }

        rng.State = g;
    }

    /// <summary>
    /// Fills <c>dest[0 .. min(k, nPool))</c>. When k ≥ nPool the row is 0, 1, …, nPool − 1 and nothing is drawn
    /// (the forced index is then present anyway). <paramref name="perm"/> must hold the identity 0 … nPool − 1
    /// and holds it again on return; <paramref name="undo"/> needs k entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DrawRow(Span<int> dest, int k, int nPool, int forced, Span<int> perm, Span<int> undo, ref Xoshiro256 rng)
    {
        if (DrawsByRejection(k, nPool))
        {
            DrawRowByRejection(dest[..k], nPool, forced, ref rng);
            return;
        }

        // The rare cases stay out of line; the state goes by value so that the caller's copy stays in registers.
        rng = DrawRowByShuffle(dest, k, nPool, forced, perm, undo, rng);
    }

    // A short row against a large pool: redraw whole rows until one has no duplicate.
    private static bool DrawsByRejection(int k, int nPool) => k < nPool && k <= 8 && k * k <= nPool;

    // The whole pool (k ≥ nPool, nothing drawn) or a partial Fisher–Yates shuffle.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Xoshiro256 DrawRowByShuffle(Span<int> dest, int k, int nPool, int forced, Span<int> perm, Span<int> undo, Xoshiro256 rng)
    {
        if (k >= nPool)
        {
            for (int c = 0; c < nPool; c++)
            {
                dest[c] = c;
            }

            return rng;
        }

        int first = 0;
        if (forced >= 0)
        {
            perm[0] = forced;
            perm[forced] = 0;
            undo[0] = forced;
            dest[0] = forced;
            first = 1;
        }

        for (int c = first; c < k; c++)
        {
            int j = c + rng.NextInt(nPool - c);
            undo[c] = j;
            (perm[c], perm[j]) = (perm[j], perm[c]);
            dest[c] = perm[c];
        }

        for (int c = k - 1; c >= 0; c--)
        {
            int j = undo[c];
            (perm[c], perm[j]) = (perm[j], perm[c]);
        }

        return rng;
    }

    // Expected redraws < 1 since k² ≤ nPool: the chance of a duplicate is below k(k − 1) / (2 nPool) < ½.
    // Every column is drawn before the row is judged, so a redraw replaces the whole row (as the original does);
    // the comparisons against the columns already written are folded into the drawing loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DrawRowByRejection(Span<int> row, int nPool, int forced, ref Xoshiro256 rng)
    {
        int first = 0;
        if (forced >= 0)
        {
            row[0] = forced;
            first = 1;
        }

        int duplicate;
        do
        {
            duplicate = 0;
            for (int c = first; c < row.Length; c++)
            {
                int x = rng.NextInt(nPool);
                for (int b = 0; b < c; b++)
                {
                    duplicate |= Branchless.Bit(row[b] == x);
                }

                row[c] = x;
            }
        }
        while (duplicate != 0);
    }

    /// <summary>Writes the identity permutation 0 … n − 1 that <see cref="DrawRow"/> expects.</summary>
    public static void InitPermutation(Span<int> perm)
    {
        for (int i = 0; i < perm.Length; i++)
        {
            perm[i] = i;
        }
    }

    private struct NoRowSink : IRowSink
    {
        public readonly void Take(int owner, Span<int> row)
        {
        }
    }
}

/// <summary>Per-row work done right after <see cref="SampleKPerRow.DrawRows{TSink}"/> draws a row.</summary>
public interface IRowSink
{
    /// <summary>The row of <paramref name="owner"/>, just drawn (its min(k, pool) columns).</summary>
    void Take(int owner, Span<int> row);
}
