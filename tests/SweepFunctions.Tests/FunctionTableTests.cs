using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>The function table of <c>src/SweepFunctions/README.md</c> is kept in step with the function index the host reads.</summary>
public sealed class FunctionTableTests
{
    [Fact]
    public void The_readme_function_table_lists_every_function_of_the_index_and_no_other()
    {
        var table = Rows();

        Assert.Equal(FunctionIndex.Functions.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_readme_function_table_gives_each_http_function_its_method_and_route()
    {
        var table = Rows();

        Assert.All(FunctionIndex.HttpFunctions, f =>
            Assert.Contains($"`{f.Methods.Single().ToUpperInvariant()} /api/{f.Route}`", table[f.Name].Trigger));
    }

    /// <summary>The table's rows by function name: <c>| `Name` | trigger | what it does |</c>.</summary>
    private static Dictionary<string, (string Trigger, string What)> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(FunctionIndex.RepositoryRoot(), "src", "SweepFunctions", "README.md"));
        int header = Array.FindIndex(lines, l => l.StartsWith("| function | trigger |", StringComparison.Ordinal));
        Assert.True(header >= 0, "src/SweepFunctions/README.md has no '| function | trigger | ...' table.");
        return lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => (cells[2], cells[3]));
    }
}
