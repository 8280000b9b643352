namespace SweepDomain.Designs;

/// <summary>
/// The Sobol sequence in base 2 with <see cref="Bits"/> bits, in Gray-code order as SciPy's <c>qmc.Sobol</c> draws it
/// (point n is the XOR of the direction numbers of the set bits of <c>n ^ (n &gt;&gt; 1)</c>), from Joe and Kuo's
/// direction numbers (<see cref="JoeKuo"/>). <see cref="Scrambled"/> applies a random linear matrix scramble and a
/// digital shift (Matoušek 1998; Owen 2003, "Variance with alternative scramblings of digital nets"), which keeps the
/// net's balance and, like SciPy's default, moves the first point off the origin. Points come at random access:
/// <see cref="Point"/> needs no state.
/// </summary>
public sealed class Sobol
{
    public const int Bits = 30;

    private readonly uint[][] _directions;   // [dimension][bit]: the direction integers scaled to Bits bits
    private readonly uint[] _shift;

    private Sobol(uint[][] directions, uint[] shift)
    {
        _directions = directions;
        _shift = shift;
    }

    public int Dimensions => _directions.Length;

    public static int MaxDimensions => JoeKuo.MaxDimension;

    /// <summary>The plain sequence: point 0 is the origin, point 1 is (0.5, ..., 0.5).</summary>
    public static Sobol Unscrambled(int dimensions) => new(Directions(dimensions), new uint[dimensions]);

    /// <summary>The sequence scrambled by a lower-triangular random binary matrix per dimension and a digital shift, drawn from <paramref name="random"/>.</summary>
    public static Sobol Scrambled(int dimensions, DesignRandom random)
    {
        var plain = Directions(dimensions);
        var scrambled = new uint[dimensions][];
        var shift = new uint[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            // Row p of the matrix (p = 0 is the most significant bit) has a 1 on the diagonal and random bits left of it.
            var rows = new uint[Bits];
            for (int p = 0; p < Bits; p++)
            {
                uint diagonal = 1u << (Bits - 1 - p);
                uint above = p == 0 ? 0u : (uint)(random.NextUInt64() >> (64 - p)) << (Bits - p);
                rows[p] = diagonal | above;
            }

            scrambled[d] = plain[d].Select(v => Multiply(rows, v)).ToArray();
            shift[d] = (uint)(random.NextUInt64() >> (64 - Bits));
        }

        return new Sobol(scrambled, shift);
    }

    /// <summary>Point <paramref name="n"/> (from 0), each coordinate in [0, 1).</summary>
    public double[] Point(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        uint gray = (uint)(n ^ (n >> 1));
        var x = new double[Dimensions];
        for (int d = 0; d < Dimensions; d++)
        {
            uint bits = _shift[d];
            for (int j = 0; gray >> j != 0; j++)
            {
                if ((gray >> j & 1) != 0)
                {
                    bits ^= _directions[d][j];
                }
            }

            x[d] = bits / (double)(1u << Bits);
        }

        return x;
    }

    /// <summary>The matrix with rows <paramref name="rows"/> times the bit vector <paramref name="v"/>, over GF(2).</summary>
    private static uint Multiply(uint[] rows, uint v)
    {
        uint result = 0;
        for (int p = 0; p < Bits; p++)
        {
            if ((System.Numerics.BitOperations.PopCount(rows[p] & v) & 1) != 0)
            {
                result |= 1u << (Bits - 1 - p);
            }
        }

        return result;
    }

    /// <summary>Direction integers v_j = m_j 2^(Bits - j) (j from 1), from the recurrence of each dimension's primitive polynomial.</summary>
    private static uint[][] Directions(int dimensions)
    {
        if (dimensions < 1 || dimensions > JoeKuo.MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"The Sobol sequence here has 1 to {JoeKuo.MaxDimension} dimensions.");
        }

        var result = new uint[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            var m = new uint[Bits];
            if (d == 0)
            {
                Array.Fill(m, 1u);
            }
            else
            {
                int[] row = JoeKuo.Rows[d - 1];
                int s = row[0], a = row[1];
                for (int k = 0; k < s; k++)
                {
                    m[k] = (uint)row[2 + k];
                }

                for (int k = s; k < Bits; k++)
                {
                    // m_k = 2^s m_{k-s} xor m_{k-s} xor sum over i of a_i 2^i m_{k-i}, a_i the polynomial's inner coefficients.
                    uint value = (m[k - s] << s) ^ m[k - s];
                    for (int i = 1; i < s; i++)
                    {
                        if ((a >> (s - 1 - i) & 1) != 0)
                        {
                            value ^= m[k - i] << i;
                        }
                    }

                    m[k] = value;
                }
            }

            result[d] = m.Select((mk, j) => mk << (Bits - 1 - j)).ToArray();
        }

        return result;
    }
}
