using System.Text.Json;
using SweepDomain.Parameters;
using SweepHosting.Api;

namespace SweepHosting.Tests;

/// <summary>
/// The HTTP API's bodies, field by field, as clients outside this repository read them (curl, the pipeline in
/// <c>docs/pipelines</c>, older CLIs). Renaming a member of a contract type changes the wire and fails here.
/// </summary>
public sealed class WireContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 3, 10, 0, TimeSpan.Zero);

    [Fact]
    public void Status_of_a_running_sweep_has_these_fields()
    {
        var view = new SweepStatusView
        {
            Id = "calibration-7",
            RuntimeStatus = RuntimeStatuses.Running,
            Scenario = "baseline",
            CreatedAt = Created,
            LastUpdatedAt = Created.AddMinutes(3),
            Progress = new SweepProgressView(2, 3, "credit", "tier 1 of 3", 40, 120, 110, 400, 1, ParamSet.Of(("beta", 2.5), ("max_M", 4)), 0.875, 0.9, 10),
            Stages =
            [
                new StageView
                {
                    Stage = 1, Label = "behavioral", Params = ParamSet.Of(("beta", 2.5)), CombinedScore = 0.85, MeanScore = 0.88, StdScore = 0.02,
                    PassRate = 1.0, NSeeds = 100, Blob = "calibration-7/stages/01-behavioral.json",
                },
            ],
            Blobs = ["calibration-7/request.json", "calibration-7/stages/01-behavioral.json"],
        };

        Assert.Equal(
            """
            {
              "id": "calibration-7",
              "runtimeStatus": "Running",
              "scenario": "baseline",
              "createdAt": "2026-03-02T03:10:00+00:00",
              "lastUpdatedAt": "2026-03-02T03:13:00+00:00",
              "progress": {
                "stage": 2,
                "stageCount": 3,
                "stageLabel": "credit",
                "phase": "tier 1 of 3",
                "phaseEvaluations": 40,
                "evaluationsRequested": 120,
                "evaluationsExecuted": 110,
                "evaluationsPlannedAtMost": 400,
                "stagesFinished": 1,
                "bestParams": {
                  "beta": 2.5,
                  "max_M": 4
                },
                "bestCombined": 0.875,
                "bestMean": 0.9,
                "bestSeeds": 10,
                "summary": "stage 2 of 3 (credit): tier 1 of 3"
              },
              "stages": [
                {
                  "stage": 1,
                  "label": "behavioral",
                  "params": {
                    "beta": 2.5
                  },
                  "combinedScore": 0.85,
                  "meanScore": 0.88,
                  "stdScore": 0.02,
                  "passRate": 1,
                  "nSeeds": 100,
                  "blob": "calibration-7/stages/01-behavioral.json"
                }
              ],
              "blobs": [
                "calibration-7/request.json",
                "calibration-7/stages/01-behavioral.json"
              ]
            }
            """,
            Wire(view));
    }

    [Fact]
    public void Status_of_a_failed_sweep_carries_the_failure_and_its_cause()
    {
        var view = new SweepStatusView
        {
            Id = "s",
            RuntimeStatus = RuntimeStatuses.Failed,
            CreatedAt = Created,
            LastUpdatedAt = Created,
            Stages = [],
            Blobs = [],
            Failure = new FailureView
            {
                Type = "TaskFailedException", Message = "Task 'EvaluateBatch' failed.", Cause = new FailureView { Type = "IOException", Message = "disk full" },
            },
        };

        Assert.Equal(
            """
            {
              "id": "s",
              "runtimeStatus": "Failed",
              "createdAt": "2026-03-02T03:10:00+00:00",
              "lastUpdatedAt": "2026-03-02T03:10:00+00:00",
              "stages": [],
              "blobs": [],
              "failure": {
                "type": "TaskFailedException",
                "message": "Task 'EvaluateBatch' failed.",
                "cause": {
                  "type": "IOException",
                  "message": "disk full"
                }
              }
            }
            """,
            Wire(view));
        Assert.Equal("disk full", view.Failure!.Root.Message);
    }

    [Fact]
    public void Accepted_cancel_and_problem_answers_have_these_fields()
    {
        var accepted = new AcceptedView
        {
            Id = "s", SweepStatusUri = "https://app/api/sweeps/s", ReportUri = "https://app/api/sweeps/s/report", CancelPostUri = "https://app/api/sweeps/s/cancel",
        };
        var cancel = new CancelAcceptedView { Id = "s", CancelRequested = true, SweepStatusUri = "https://app/api/sweeps/s" };
        var problem = new ApiProblem
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", Title = "The sweep request is invalid.", Status = 400, Instance = "/api/sweeps",
            Errors = new Dictionary<string, string[]> { ["periods"] = ["Must be a whole number of at least 1; got 0."] },
        };

        Assert.Equal(
            """{"id":"s","sweepStatusUri":"https://app/api/sweeps/s","reportUri":"https://app/api/sweeps/s/report","cancelPostUri":"https://app/api/sweeps/s/cancel"}""",
            Compact(accepted));
        Assert.Equal("""{"id":"s","cancelRequested":true,"sweepStatusUri":"https://app/api/sweeps/s"}""", Compact(cancel));
        Assert.Equal(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The sweep request is invalid.","status":400,"instance":"/api/sweeps","errors":{"periods":["Must be a whole number of at least 1; got 0."]}}""",
            Compact(problem));
    }

    [Fact]
    public void Reading_a_status_without_a_required_field_fails_naming_it()
    {
        var error = Assert.Throws<JsonException>(() => ApiJson.Deserialize<SweepStatusView>("""{"id": "s", "createdAt": "2026-03-02T03:10:00Z", "lastUpdatedAt": "2026-03-02T03:10:00Z", "stages": [], "blobs": []}"""));

        Assert.Contains("runtimeStatus", error.Message);
    }

    [Fact]
    public void Non_finite_scores_travel_as_named_literals()
    {
        var stage = new StageView { Stage = 1, Label = "A", Params = ParamSet.Empty, CombinedScore = double.NaN, Blob = "s/stages/01-A.json" };

        string json = Compact(stage);

        Assert.Equal("""{"stage":1,"label":"A","params":{},"combinedScore":"NaN","blob":"s/stages/01-A.json"}""", json);
        Assert.True(double.IsNaN(ApiJson.Deserialize<StageView>(json).CombinedScore!.Value));
    }

    [Fact]
    public void Route_paths_follow_the_templates_the_functions_serve()
    {
        Assert.Equal(("sweeps", "sweeps/{id}", "sweeps/{id}/report", "sweeps/{id}/cancel"), (SweepRoutes.Sweeps, SweepRoutes.Sweep, SweepRoutes.Report, SweepRoutes.Cancel));
        Assert.Equal(("sweeps/run-1", "sweeps/run-1/report", "sweeps/run-1/cancel"), (SweepRoutes.SweepPath("run-1"), SweepRoutes.ReportPath("run-1"), SweepRoutes.CancelPath("run-1")));
    }

    private static string Wire<T>(T value) => ApiJson.Serialize(value).Replace("\r\n", "\n");

    private static string Compact<T>(T value) => JsonSerializer.Serialize(JsonDocument.Parse(ApiJson.Serialize(value)).RootElement);
}
