using System.Text;

namespace BamValidation.Metrics;

/// <summary>The original's snake_case field names of the <see cref="Scalar"/> members.</summary>
public static class ScalarNames
{
    private static readonly string[] Names = BuildNames();

    /// <summary><c>OkunRSquared</c> → <c>okun_r_squared</c>, <c>Gb2CcdfR2</c> → <c>gb2_ccdf_r2</c>.</summary>
    public static string FieldName(this Scalar scalar) => Names[(int)scalar];

    private static string[] BuildNames()
    {
        var values = Enum.GetValues<Scalar>();
        var names = new string[values.Length];
        foreach (var value in values)
        {
            names[(int)value] = ToSnakeCase(value.ToString());
        }

        return names;
    }

    private static string ToSnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
