"""The OpenAPI document declares the device-token scheme the punches endpoint authenticates with (not a user's
token), and the other endpoints keep the user's bearer token."""


def test_the_punches_endpoint_documents_the_device_token_scheme(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["deviceToken"]["type"] == "http" and schemes["deviceToken"]["scheme"] == "bearer"
    assert "clk_" in schemes["deviceToken"]["description"] and "bearerAuth" in schemes
    operation = spec["paths"]["/api/v1/attendance/punches"]["post"]
    assert operation["security"] == [{"deviceToken": []}]
    assert spec["security"] == [{"bearerAuth": []}]  # everything else: a user's token
    days = spec["paths"]["/api/v1/attendance/days"]["get"]
    assert days.get("security", spec["security"]) == [{"bearerAuth": []}]
