using SweepFunctions.Configuration;

namespace SweepFunctions.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", null, "sweeps", true)]
    [InlineData(null, "https://account.blob.core.windows.net", "sweeps", true)]
    [InlineData(null, null, "sweeps", false)]
    [InlineData("UseDevelopmentStorage=true", "https://account.blob.core.windows.net", "sweeps", false)]
    [InlineData("UseDevelopmentStorage=true", null, "Sweeps", false)]
    [InlineData("UseDevelopmentStorage=true", null, "ab", false)]
    public void ResultsStorageOptions_ExactlyOneEndpointAndAValidContainer_AreRequired(string? connectionString, string? serviceUri, string container, bool valid)
    {
        var options = new ResultsStorageOptions
        {
            ConnectionString = connectionString,
            ServiceUri = serviceUri is null ? null : new Uri(serviceUri),
            Container = container,
        };

        var result = new ResultsStorageOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }
}
