using System.Reflection;
using System.Text.Json;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The function index the Functions host reads (<c>functions.metadata</c> in the app's build output, generated from the
/// <c>[Function]</c> attributes): every function by name, and the HTTP functions' routes, methods and key levels.
/// </summary>
public static class FunctionIndex
{
    public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel);

    /// <summary>Every function of the index by name, as the host reads it.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Functions { get; } = Load();

    public static IReadOnlyList<HttpFunction> HttpFunctions { get; } = Functions
        .SelectMany(f => f.Value.GetProperty("bindings").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => new HttpFunction(
                f.Key,
                b.GetProperty("route").GetString()!,
                b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToList(),
                b.GetProperty("authLevel").GetString()!)))
        .OrderBy(f => f.Route, StringComparer.Ordinal)
        .ToList();

    /// <summary>The folder holding <c>SweepFunctions.sln</c>, found upwards from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SweepFunctions.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root.FullName;
    }

    /// <summary>src/SweepFunctions/bin/{the test assembly's configuration}/net10.0/functions.metadata under the repo root.</summary>
    private static Dictionary<string, JsonElement> Load()
    {
        string configuration = typeof(FunctionIndex).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string path = Path.Combine(RepositoryRoot(), "src", "SweepFunctions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/SweepFunctions in {configuration} first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
