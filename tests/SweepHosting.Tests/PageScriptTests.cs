using System.Runtime.CompilerServices;
using SweepHosting.Dashboard;

namespace SweepHosting.Tests;

/// <summary>The page's script is kept in parts by concern and assembled into the one page, within its size budget.</summary>
public sealed class PageScriptTests
{
    private static string PageFolder([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src", "SweepHosting", "Dashboard", "Page"));

    [Fact]
    public void Every_script_part_in_the_page_folder_is_assembled_once_the_first_opening_the_closure_and_the_last_closing_it()
    {
        var files = Directory.EnumerateFiles(PageFolder(), "*.js").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(files, SweepPage.ScriptParts.Order());
        Assert.Contains("(function () {", File.ReadAllText(Path.Combine(PageFolder(), SweepPage.ScriptParts[0])));
        Assert.EndsWith("})();\n", File.ReadAllText(Path.Combine(PageFolder(), SweepPage.ScriptParts[^1])));
    }

    [Fact]
    public void The_assembled_script_is_in_the_page_and_within_its_budget()
    {
        string script = string.Concat(SweepPage.ScriptParts.Select(p => File.ReadAllText(Path.Combine(PageFolder(), p))));
        string html = SweepPage.RenderMessage(new MessagePageData("Nothing", "Nothing here.", null));

        Assert.Contains("<script>" + script + "</script>", html);
        Assert.InRange(script.Length, 1, SweepPage.ScriptBudget);
    }
}
