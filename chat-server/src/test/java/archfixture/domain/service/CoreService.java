package archfixture.domain.service;

public class CoreService {
    public void run() {
    }
}
