"""Front-end packages are served by the app itself (installed from package-lock.json), never from a CDN."""


def test_echarts_is_served_by_the_app(client):
    response = client.get("/vendor/echarts.min.js")
    assert response.status_code == 200
    assert b"echarts" in response.data[:2000]
    assert "javascript" in response.content_type


def test_an_unknown_vendor_file_is_not_found(client):
    assert client.get("/vendor/../requirements.txt").status_code == 404
    assert client.get("/vendor/jquery.js").status_code == 404
