using System.Text.Json.Nodes;
using SweepHosting.Api;

namespace SweepHosting.Dashboard;

/// <summary>
/// What the page of recent sweeps shows: one page of <see cref="SweepListView"/> (newest first), the status filter it
/// was asked for, and the routes its links use. The page adds the function key it was opened with to every link.
/// </summary>
public sealed record SweepListPageData
{
    public required DateTimeOffset GeneratedAt { get; init; }

    public required SweepListView List { get; init; }

    /// <summary>The runtime statuses listed; empty for all.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>This page's own path (<c>/api/dashboard</c>): the filter and paging links add their query to it.</summary>
    public required string ListUrl { get; init; }

    /// <summary>A sweep's page, with <c>{id}</c> for the sweep id (<c>/api/sweeps/{id}/dashboard</c>).</summary>
    public required string SweepUrl { get; init; }

    public int PageSize { get; init; }

    public JsonObject ToJson() => new()
    {
        ["page"] = "list",
        ["generatedAt"] = GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["list"] = JsonNode.Parse(ApiJson.Serialize(List)),
        ["statuses"] = new JsonArray(Statuses.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
        ["listUrl"] = ListUrl,
        ["sweepUrl"] = SweepUrl,
        ["pageSize"] = PageSize,
    };
}

/// <summary>
/// A page that says something in words instead (a sweep that does not exist, a bad filter), with a way back
/// (<see cref="BackUrl"/>, the page adds its key).
/// </summary>
public sealed record MessagePageData(string Title, string Message, string? BackUrl)
{
    public JsonObject ToJson() => new()
    {
        ["page"] = "message",
        ["title"] = Title,
        ["message"] = Message,
        ["backUrl"] = BackUrl,
    };
}
