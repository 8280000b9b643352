using System.Runtime.CompilerServices;
using System.Xml.Linq;
using SweepHosting.Dashboard;

namespace SweepHosting.Tests;

/// <summary>
/// The page's script is kept in parts by concern, which the build joins in the order SweepHosting.csproj declares into
/// one embedded script; every page inlines that script, within its size budget.
/// </summary>
public sealed class PageScriptTests
{
    private static string ProjectFolder([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src", "SweepHosting"));

    /// <summary>The parts, as the project declares them, in order (paths relative to the project).</summary>
    private static List<string> DeclaredParts() =>
        XDocument.Load(Path.Combine(ProjectFolder(), "SweepHosting.csproj")).Descendants("PageScriptPart")
            .Select(p => (string)p.Attribute("Include")!).Select(p => p.Replace('\\', '/')).ToList();

    private static string Text(string part) => File.ReadAllText(Path.Combine(ProjectFolder(), part));

    [Fact]
    public void Every_script_file_of_the_page_folder_is_a_declared_part_once_the_first_opening_the_closure_and_the_last_closing_it()
    {
        var parts = DeclaredParts();
        var files = Directory.EnumerateFiles(Path.Combine(ProjectFolder(), "Dashboard", "Page"), "*.js")
            .Select(f => "Dashboard/Page/" + Path.GetFileName(f)).Order().ToList();

        Assert.Equal(10, parts.Count);
        Assert.Equal(files, parts.Order());
        Assert.StartsWith("/*", Text(parts[0]));
        Assert.Contains("(function () {", Text(parts[0]));
        Assert.Equal("Dashboard/Page/page-start.js", parts[^1]);
        Assert.EndsWith("})();\n", Text(parts[^1]));
    }

    [Fact]
    public void The_embedded_script_is_the_declared_parts_joined_in_order_and_the_only_script_resource()
    {
        string joined = string.Concat(DeclaredParts().Select(Text));
        var resources = typeof(SweepPage).Assembly.GetManifestResourceNames().Order().ToList();

        Assert.Equal(joined, SweepPage.Script);
        Assert.Equal(
            ["SweepHosting.Dashboard.sweep-page.bundle.js", "SweepHosting.Dashboard.sweep-page.css", "SweepHosting.Dashboard.sweep-page.html"],
            resources);
    }

    [Fact]
    public void The_script_is_inlined_in_every_page_and_within_its_budget_of_80000_characters()
    {
        string html = SweepPage.RenderMessage(new MessagePageData("Nothing", "Nothing here.", null));

        Assert.Contains("<script>" + SweepPage.Script + "</script>", html);
        Assert.Equal(80_000, SweepPage.ScriptBudget);
        Assert.InRange(SweepPage.Script.Length, 1, SweepPage.ScriptBudget);
    }
}
