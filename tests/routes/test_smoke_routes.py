"""First wiring checks: login per role and the staff list scope."""


def test_login_by_username_and_staff_number(client, auth, org):
    assert auth.login("hr").status_code == 302
    assert client.get("/staff/").status_code == 200
    auth.logout()
    assert auth.login(org.desk_staff.staff_number).headers["Location"] == "/"


def test_head_sees_own_subtree_only(client, auth, org):
    auth.login("head")
    body = client.get("/staff/").get_data(as_text=True)
    assert "李前台" in body and "王经理" in body
    assert "赵服务员" not in body
    assert client.get(f"/staff/{org.hk_staff.id}").status_code == 404


def test_nav_links_to_documents_and_verification(client, auth, org):
    auth.login("staff")
    page = client.get("/staff/me").get_data(as_text=True)
    assert 'id="nav-documents"' in page and 'id="nav-verify"' in page
    assert client.get("/reports/").status_code == 200 and client.get("/verify").status_code == 200
