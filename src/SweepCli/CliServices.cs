using SweepDomain.Evaluation;

namespace SweepCli;

/// <summary>
/// What the commands take from outside: the scenarios and the model that scores them, and the network. <see cref="Program"/>
/// fills it with the real model; tests fill it with the test kit. <see cref="Metrics"/> is null when the evaluator gives
/// only totals; <see cref="Environment"/> reads environment variables (tests pass their own). <see cref="HttpHandler"/>
/// carries the remote commands' HTTP requests: null means the network (a new <see cref="SocketsHttpHandler"/> per
/// command); tests pass an in-memory handler, which the commands never dispose. <see cref="Time"/> times the waits
/// between retries of a failed request (the system clock when null).
/// </summary>
public sealed record CliServices(
    IScenarioCatalog Catalog,
    IScenarioEvaluator Evaluator,
    IMetricEvaluator? Metrics = null,
    Func<string, string?>? Environment = null,
    int ProcessorCount = 0,
    HttpMessageHandler? HttpHandler = null,
    TimeProvider? Time = null)
{
    public int Cores => ProcessorCount > 0 ? ProcessorCount : System.Environment.ProcessorCount;

    public TimeProvider Clock => Time ?? TimeProvider.System;

    public string? GetEnvironment(string name) => (Environment ?? System.Environment.GetEnvironmentVariable)(name);

    /// <summary>A client on <see cref="HttpHandler"/>, or on the network when there is none.</summary>
    public HttpClient CreateHttpClient() => HttpHandler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
}
