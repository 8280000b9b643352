using Microsoft.Extensions.Options;

namespace SweepFunctions.Configuration;

/// <summary>
/// Where sweep results and schedule definitions live (section <c>SweepResults</c>). Set exactly one of
/// <see cref="ConnectionString"/> (Azurite: <c>UseDevelopmentStorage=true</c>) or <see cref="ServiceUri"/> (Azure: the
/// blob endpoint, reached with the app's managed identity, <see cref="ClientId"/> naming a user-assigned one).
/// </summary>
public sealed class ResultsStorageOptions
{
    public const string Section = "SweepResults";

    public string? ConnectionString { get; set; }

    public Uri? ServiceUri { get; set; }

    public string? ClientId { get; set; }

    public string Container { get; set; } = "sweeps";
}

/// <summary>Checks <see cref="ResultsStorageOptions"/> when the app starts, naming the settings to fix.</summary>
public sealed class ResultsStorageOptionsValidator : IValidateOptions<ResultsStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, ResultsStorageOptions options)
    {
        var failures = new List<string>();
        bool hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnection == (options.ServiceUri is not null))
        {
            failures.Add("Set exactly one of SweepResults__ConnectionString (Azurite) or SweepResults__ServiceUri (managed identity).");
        }

        if (options.ServiceUri is { IsAbsoluteUri: false })
        {
            failures.Add($"SweepResults__ServiceUri must be an absolute URI; got '{options.ServiceUri}'.");
        }

        if (!IsContainerName(options.Container))
        {
            failures.Add($"SweepResults__Container must be 3-63 lower-case letters, digits or single hyphens; got '{options.Container}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && char.IsLetterOrDigit(name[0]) && char.IsLetterOrDigit(name[^1])
        && !name.Contains("--", StringComparison.Ordinal);
}
