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
    /// Fills <c>dest[0 .. min(k, nPool))</c>. When k ≥ nPool the row is 0, 1, …, nPool − 1 and nothing is drawn
    /// (the forced index is then present anyway). <paramref name="perm"/> must hold the identity 0 … nPool − 1
    /// and holds it again on return; <paramref name="undo"/> needs k entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DrawRow(Span<int> dest, int k, int nPool, int forced, Span<int> perm, Span<int> undo, ref Xoshiro256 rng)
    {
        if (k >= nPool)
        {
            for (int c = 0; c < nPool; c++)
            {
                dest[c] = c;
            }

            return;
        }

        if (k <= 8 && k * k <= nPool)
        {
            DrawRowByRejection(dest[..k], nPool, forced, ref rng);
            return;
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
    }

    // Expected redraws < 1 since k² ≤ nPool: the chance of a duplicate is below k(k − 1) / (2 nPool) < ½.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DrawRowByRejection(Span<int> row, int nPool, int forced, ref Xoshiro256 rng)
    {
        int first = forced >= 0 ? 1 : 0;
        if (forced >= 0)
        {
            row[0] = forced;
        }

        while (true)
        {
            for (int c = first; c < row.Length; c++)
            {
                row[c] = rng.NextInt(nPool);
            }

            if (!HasDuplicate(row))
            {
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasDuplicate(ReadOnlySpan<int> row)
    {
        for (int a = 1; a < row.Length; a++)
        {
            for (int b = 0; b < a; b++)
            {
                if (row[a] == row[b])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Writes the identity permutation 0 … n − 1 that <see cref="DrawRow"/> expects.</summary>
    public static void InitPermutation(Span<int> perm)
    {
        for (int i = 0; i < perm.Length; i++)
        {
            perm[i] = i;
        }
    }
}
