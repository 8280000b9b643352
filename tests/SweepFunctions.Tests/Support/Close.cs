namespace SweepFunctions.Tests.Support;

public static class Close
{
    /// <summary>Same length, and each value within <paramref name="tolerance"/> of the expected one.</summary>
    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double>? actual, double tolerance)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i], tolerance);
        }
    }
}
