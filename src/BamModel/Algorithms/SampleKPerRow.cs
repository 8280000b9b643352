namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 <c>sample_k_per_row</c>, one row at a time: k distinct indices from [0, nPool) in a uniform
/// random order, with an optional forced index in column 0. The original draws a whole matrix and redraws rows
/// holding duplicates; a partial Fisher–Yates shuffle gives the same distribution (a uniform ordered k-subset,
/// the forced element first) in exactly k draws and always terminates (DECISIONS.md).
/// </summary>
public static class SampleKPerRow
{
    /// <summary>
    /// Fills <c>dest[0 .. min(k, nPool))</c>. When k ≥ nPool the row is 0, 1, …, nPool − 1 and nothing is drawn
    /// (the forced index is then present anyway). <paramref name="perm"/> must hold the identity 0 … nPool − 1
    /// and holds it again on return; <paramref name="undo"/> needs k entries.
    /// </summary>
    public static void DrawRow(Span<int> dest, int k, int nPool, int forced, Span<int> perm, Span<int> undo, Rng rng)
    {
        if (k >= nPool)
        {
            for (int c = 0; c < nPool; c++)
            {
                dest[c] = c;
            }

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

    /// <summary>Writes the identity permutation 0 … n − 1 that <see cref="DrawRow"/> expects.</summary>
    public static void InitPermutation(Span<int> perm)
    {
        for (int i = 0; i < perm.Length; i++)
        {
            perm[i] = i;
        }
    }
}
