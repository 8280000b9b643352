using System.Text.Json.Serialization;

namespace SweepHosting.Api;

/// <summary>
/// Why a sweep failed, from the durable failure details: the error's type and message, and the failure that caused it
/// (for a failed activity, the exception the activity threw).
/// </summary>
public sealed record FailureView
{
    public required string Type { get; init; }

    public required string Message { get; init; }

    public FailureView? Cause { get; init; }

    /// <summary>The innermost failure: the one that started it all.</summary>
    [JsonIgnore]
    public FailureView Root => Cause?.Root ?? this;
}
