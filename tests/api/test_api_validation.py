"""The shared validation shape in the API: a service's per-field messages in the 422 body."""


def test_api_staff_write_answers_every_field_message_in_the_422_shape(client, org, tokens, staff_payload):
    response = client.post("/api/v1/staff", headers=tokens["hr"], json=staff_payload | {
        "staff_number": org.desk_staff.staff_number, "hire_on": "1990-01-01"})
    assert response.status_code == 422
    assert response.get_json() == {
        "code": "validation_error", "message": "部分数据无效。",
        "errors": {"staff_number": ["该工号已被使用。"],
                   "hire_on": ["入职日期不能早于出生日期。"]}}


def test_api_staff_patch_answers_the_service_message_per_field(client, org, tokens):
    staff = org.desk_staff
    response = client.patch(f"/api/v1/staff/{staff.id}", headers=tokens["hr"],
                            json={"version_id": staff.version_id, "status": "left"})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"left_on": ["状态为“离职”时，必须填写离职日期。"]}
