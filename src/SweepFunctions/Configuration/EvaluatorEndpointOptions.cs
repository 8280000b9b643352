namespace SweepFunctions.Configuration;

/// <summary>
/// One evaluator endpoint the operator configured (<c>Sweep__Evaluators__&lt;name&gt;__Url</c> and the others): the
/// user's model behind the HTTP protocol (docs/evaluator-protocol.md). A sweep request names it; it never gives a URL.
/// Exactly one of <see cref="Audience"/> and <see cref="Key"/> says how the app authenticates.
/// </summary>
public sealed class EvaluatorEndpointOptions
{
    /// <summary>The endpoint's base address (https, or http for a loopback address); <c>describe</c> and <c>evaluate</c> are below it.</summary>
    public string? Url { get; set; }

    /// <summary>The Microsoft Entra audience (application ID URI) the app's identity gets a token for, sent as <c>Authorization: Bearer</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>The client id of a user-assigned managed identity to get the token with; the system-assigned identity when null.</summary>
    public string? ClientId { get; set; }

    /// <summary>A key (in Azure, a Key Vault reference), sent as <c>Authorization: Key &lt;key&gt;</c>. Never logged or recorded.</summary>
    public string? Key { get; set; }

    /// <summary>What is wrong with the endpoint's settings, or null. Never quotes the key.</summary>
    public string? Problem(string name)
    {
        string prefix = $"{SweepAppOptions.Section}__{nameof(SweepAppOptions.Evaluators)}__{name}__";
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            return $"{prefix}{nameof(Url)} must be an absolute https URL (http only for a loopback address); it is '{Url}'.";
        }

        bool audience = !string.IsNullOrWhiteSpace(Audience), key = !string.IsNullOrWhiteSpace(Key);
        return audience == key ? $"Evaluator '{name}' needs exactly one of {prefix}{nameof(Audience)} (an Entra token) and {prefix}{nameof(Key)}." : null;
    }
}
