using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepHosting.Api;
using SweepHosting.Dashboard;

namespace SweepHosting.Tests;

/// <summary>
/// The sweep page as the renderer writes it, before any browser reads it: one document, its data embedded so that no
/// text can end the data or run as markup, its style and script allowed by hash and nothing loaded from elsewhere.
/// What the page shows is tested in a browser (tests/SweepDashboard.Tests).
/// </summary>
public sealed class SweepPageTests
{
    private const string Markup = "</script><script>window.pwned = 1</script><!-- <img src=x onerror=alert(1)>";

    private static readonly DateTimeOffset Written = new(2026, 3, 2, 3, 10, 0, TimeSpan.Zero);

    [Fact]
    public void Embedded_data_cannot_end_its_script_element_or_open_a_comment()
    {
        var data = new SweepPageData
        {
            Source = SweepPageSources.Live,
            GeneratedAt = Written,
            Status = Status("failed-1", RuntimeStatuses.Failed) with { Failure = new FailureView { Type = "System.IO.IOException", Message = Markup } },
        };

        string html = SweepPage.Render(data);

        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.DoesNotContain("<!--", html);
        Assert.DoesNotContain("<img", html);
        Assert.Equal(Markup, (string?)SweepPage.DataOf(html)!["status"]!["failure"]!["message"]);
    }

    [Fact]
    public void Content_security_policy_allows_exactly_the_inline_style_and_script_by_their_sha256()
    {
        string html = SweepPage.RenderMessage(new MessagePageData("Nothing", "Nothing here.", null));
        string style = Between(html, "<style>", "</style>");
        string script = Between(html, "<script>", "</script>");

        Assert.Equal(
            $"default-src 'none'; script-src 'sha256-{Sha256(script)}'; style-src 'sha256-{Sha256(style)}'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
            SweepPage.ContentSecurityPolicy);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{System.Net.WebUtility.HtmlEncode(SweepPage.ContentSecurityPolicy)}\">", html);
    }

    [Fact]
    public void Page_loads_nothing_from_elsewhere_no_script_style_font_or_image_file()
    {
        string html = SweepPage.RenderMessage(new MessagePageData("Nothing", "Nothing here.", null));

        Assert.DoesNotMatch(new Regex(@"\ssrc\s*=|@import|url\(|@font-face", RegexOptions.IgnoreCase), html);
        Assert.Equal(["<link rel=\"icon\" href=\"data:image/svg+xml,"], Regex.Matches(html, @"<link[^>]*?href=""[a-z/+]+:[a-z/+]+,").Select(m => m.Value));
        Assert.Single(Regex.Matches(html, "<link"));
        Assert.Equal(["http://www.w3.org/2000/svg"], Regex.Matches(html, @"https?://[^'""\s)%]+").Select(m => m.Value).Distinct());
    }

    [Fact]
    public void Title_is_escaped_and_placeholders_inside_the_data_stay_as_they_are()
    {
        string html = SweepPage.Render("a <b> & {{script}}", new JsonObject { ["page"] = "message", ["title"] = "{{style}}", ["message"] = "{{data}} {{csp}}" });

        Assert.Contains("<title>a &lt;b&gt; &amp; {{script}}</title>", html);
        Assert.Single(Regex.Matches(html, "'use strict'"));
        var data = SweepPage.DataOf(html)!;
        Assert.Equal("{{style}}", (string?)data["title"]);
        Assert.Equal("{{data}} {{csp}}", (string?)data["message"]);
    }

    [Fact]
    public void Report_is_embedded_number_for_number_so_a_float_parameter_keeps_its_point()
    {
        var report = new SweepReport("baseline", null, 200, "3:5,2:10", "combined", 1.0, 20, "c", ParamSet.Empty, ["A:beta=1.0,2.5"], [],
            ParamSet.Of(("beta", 1.0), ("max_M", 4)), 20, 20);

        string html = SweepPage.Render(SweepPageData.FromReport(SweepPageSources.Run, report, Written) with { EvaluationsPlannedAtMost = 30 });

        Assert.Contains("<title>baseline sweep</title>", html);
        string json = SweepPage.EmbeddedJson(SweepPage.DataOf(html)!);
        Assert.Contains("\"final\":{\"beta\":1.0,\"max_M\":4}", json);
        Assert.Contains("\"plannedAtMost\":30", json);
        Assert.Contains("\"source\":\"run\"", json);
        Assert.Contains("\"generatedAt\":\"2026-03-02T03:10:00.000Z\"", json);
    }

    [Fact]
    public void The_page_names_the_reports_evaluator_else_the_statuss_else_the_built_in_model()
    {
        var running = Status("s-1", RuntimeStatuses.Running);
        string report = """{"scenario": "quadratic", "evaluator": {"name": "test-sim", "version": "1.0"}}""";

        string? Named(SweepPageData data) => SweepPage.DataOf(SweepPage.Render(data))!["evaluator"]!.ToJsonString();

        Assert.Equal("""{"name":"test-sim","version":"1.0"}""", Named(new SweepPageData { Source = SweepPageSources.Run, GeneratedAt = Written, ReportJson = report }));
        Assert.Equal("""{"name":"remote","version":"7.1"}""", Named(new SweepPageData
        {
            Source = SweepPageSources.Live, GeneratedAt = Written, Status = running with { Evaluator = new("remote", "7.1") },
        }));
        // The service's status leaves the built-in model unnamed, as do reports written before the evaluator was recorded.
        Assert.Equal("""{"name":"built-in","version":"bam"}""", Named(new SweepPageData { Source = SweepPageSources.Live, GeneratedAt = Written, Status = running }));
        Assert.Equal("""{"name":"built-in","version":"bam"}""", Named(new SweepPageData { Source = SweepPageSources.Run, GeneratedAt = Written, ReportJson = """{"scenario": "quadratic"}""" }));
    }

    private static SweepStatusView Status(string id, string runtimeStatus) => new()
    {
        Id = id,
        RuntimeStatus = runtimeStatus,
        Scenario = "quadratic",
        CreatedAt = Written,
        LastUpdatedAt = Written.AddMinutes(1),
        Stages = [],
        Blobs = [],
    };

    private static string Between(string text, string open, string close)
    {
        int start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
