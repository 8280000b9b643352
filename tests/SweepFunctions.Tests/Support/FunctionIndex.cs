using System.Reflection;
using System.Text.Json;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The HTTP functions of the function index the Functions host reads (<c>functions.metadata</c> in the app's build
/// output, generated from the <c>[Function]</c> and <c>[HttpTrigger]</c> attributes): name, route, methods, key level.
/// </summary>
public static class FunctionIndex
{
    public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel);

    public static IReadOnlyList<HttpFunction> HttpFunctions { get; } = Load();

    private static List<HttpFunction> Load()
    {
        string configuration = typeof(FunctionIndex).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SweepFunctions.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        string path = Path.Combine(root.FullName, "src", "SweepFunctions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/SweepFunctions in {configuration} first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .Select(b => new HttpFunction(
                    f.GetProperty("name").GetString()!,
                    b.GetProperty("route").GetString()!,
                    b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToList(),
                    b.GetProperty("authLevel").GetString()!)))
            .OrderBy(f => f.Route, StringComparer.Ordinal)
            .ToList();
    }
}
